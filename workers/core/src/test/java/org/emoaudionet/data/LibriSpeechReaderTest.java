package org.emoaudionet.data;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Synthetic LibriSpeech trees: fake FLACs (a valid STREAMINFO header and no audio frames). */
class LibriSpeechReaderTest {
  @TempDir Path tmp;

  static final String SPEAKERS = """
      ; Some comment
      ;ID  |SEX| SUBSET           |MINUTES| NAME
      19   | F | train-clean-100  | 25.19 | Kara Shallenberg
      26   | M | train-clean-100  | 25.08 | Denny Sayers | with a bar
      27   | M | train-clean-100  | 3.00  | Sean McKinley
      32   | F | dev-clean        | 24.01 | Betsie Bush
      """;

  /** A FLAC header announcing {@code seconds} of 16 kHz audio. */
  static byte[] fakeFlac(double seconds) {
    long rate = 16000;
    long samples = Math.round(seconds * rate);
    byte[] b = new byte[4 + 4 + 34];
    b[0] = 'f'; b[1] = 'L'; b[2] = 'a'; b[3] = 'C';
    b[4] = (byte) 0x80; // last block, type 0 STREAMINFO
    b[7] = 34;
    long bits = (rate << 44) | (0L << 41) | (15L << 36) | samples;
    for (int i = 0; i < 8; i++) b[8 + 10 + i] = (byte) (bits >>> (56 - 8 * i));
    return b;
  }

  static void utt(Path ls, String subset, String spk, String ch, int u, double seconds) throws IOException {
    Path d = ls.resolve(subset).resolve(spk).resolve(ch);
    Files.createDirectories(d);
    Files.write(d.resolve(spk + "-" + ch + "-" + String.format("%04d", u) + ".flac"), fakeFlac(seconds));
    Files.writeString(d.resolve(spk + "-" + ch + ".trans.txt"), "transcript ignored");
  }

  Path tree() throws IOException {
    Path ls = tmp.resolve("LibriSpeech");
    Files.createDirectories(ls);
    Files.writeString(ls.resolve("SPEAKERS.TXT"), SPEAKERS);
    for (int u = 0; u < 3; u++) utt(ls, "train-clean-100", "19", "198", u, 120);
    for (int u = 0; u < 2; u++) utt(ls, "train-clean-100", "26", "495", u, 120);
    utt(ls, "train-clean-100", "27", "123", 0, 60);
    utt(ls, "dev-clean", "32", "21625", 0, 60);
    return ls;
  }

  @Test
  void readsEveryUtteranceWithSexLabels() throws IOException {
    Path ls = tree();
    for (Path root : List.of(tmp, ls)) {
      Corpus c = LibriSpeechReader.read(root);
      assertEquals(7, c.recordings().size());
      assertEquals(List.of("F", "M"), c.task().classes());
      Recording r = c.recordings().stream().filter(x -> x.id().equals("26-495-0001")).findFirst().orElseThrow();
      assertEquals("26", r.speaker());
      assertEquals("M", r.gender());
      assertEquals(new RecordingLabel.Category("M"), r.label());
      assertNull(r.split());
      assertTrue(Files.isRegularFile(r.audio()));
    }
  }

  @Test
  void speakersFileWithSpacesAndBars() throws IOException {
    Map<String, LibriSpeechReader.SpeakerInfo> s = LibriSpeechReader.readSpeakers(tree().resolve("SPEAKERS.TXT"));
    assertEquals(4, s.size());
    assertEquals("Kara Shallenberg", s.get("19").name());
    assertEquals("Denny Sayers | with a bar", s.get("26").name());
    assertEquals(24.01, s.get("32").minutes(), 1e-9);
    assertEquals("dev-clean", s.get("32").subset());
  }

  @Test
  void limitsSpeakersPerSexAndMinutes() throws IOException {
    tree();
    // 1 speaker per sex, 3 minutes each, from 2-minute utterances
    Corpus c = LibriSpeechReader.read(tmp, new LibriSpeechReader.Options(1, 3.0));
    Map<String, Long> perSpeaker = c.recordings().stream()
        .collect(Collectors.groupingBy(Recording::speaker, Collectors.counting()));
    // F: 19 (lowest id with >= 3 min); 2 min utterances -> 2 taken to reach 3 min
    // M: 26 (id 26 < 27, both have >= 3 listed minutes); 2 utterances
    assertEquals(Map.of("19", 2L, "26", 2L), perSpeaker);
    Corpus oneMinute = LibriSpeechReader.read(tmp, new LibriSpeechReader.Options(0, 1.0));
    assertEquals(4, oneMinute.recordings().size(), "one utterance per speaker reaches 1 minute");
  }

  @Test
  void prefersSpeakersWithEnoughMinutes() throws IOException {
    Path ls = tree();
    utt(ls, "train-clean-100", "27", "123", 1, 60);
    // 27 lists 3.00 minutes, below a 5 minute target; 26 lists 25: 26 first in any case.
    Files.writeString(ls.resolve("SPEAKERS.TXT"), SPEAKERS.replace("25.08", "1.00"));
    Corpus c = LibriSpeechReader.read(tmp, new LibriSpeechReader.Options(1, 2.5));
    assertTrue(c.recordings().stream().anyMatch(r -> r.speaker().equals("27")),
        "27 (3 min listed >= 2.5) is preferred to 26 (1 min listed)");
    assertTrue(c.recordings().stream().noneMatch(r -> r.speaker().equals("26")));
  }

  @Test
  void unknownSpeakerNamesTheFile() throws IOException {
    Path ls = tree();
    utt(ls, "train-clean-100", "99", "1", 7, 1);
    DataFormatException e = assertThrows(DataFormatException.class, () -> LibriSpeechReader.read(ls));
    assertTrue(e.getMessage().contains("99-1-0007.flac"), e.getMessage());
    assertTrue(e.getMessage().contains("SPEAKERS.TXT"), e.getMessage());
  }

  @Test
  void badLayoutAndBadSpeakersLine() throws IOException {
    assertThrows(DataFormatException.class, () -> LibriSpeechReader.read(tmp));
    Path ls = tree();
    Files.writeString(ls.resolve("SPEAKERS.TXT"), SPEAKERS + "40 | X | dev-clean | 1 | Nobody\n");
    DataFormatException e = assertThrows(DataFormatException.class, () -> LibriSpeechReader.read(ls));
    assertEquals(7, e.line());
    assertTrue(e.getMessage().contains("SEX 'X'"), e.getMessage());
  }
}
