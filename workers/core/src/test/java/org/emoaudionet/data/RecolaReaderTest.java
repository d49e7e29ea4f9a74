package org.emoaudionet.data;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A synthetic AVEC 2016 tree; the WAVs are empty placeholders (readers never decode). */
class RecolaReaderTest {
  @TempDir Path tmp;

  static String arff(String stem, double... values) {
    StringBuilder b = new StringBuilder("@relation GoldStandard\n\n@attribute Instance_name string\n"
        + "@attribute frameTime numeric\n@attribute GoldStandard numeric\n\n@data\n\n");
    for (int i = 0; i < values.length; i++) {
      b.append(String.format(java.util.Locale.ROOT, "'%s',%.6f,%.6f%n", stem, i * 0.04, values[i]));
    }
    return b.toString();
  }

  void recording(String stem, double... values) throws IOException {
    Files.createDirectories(tmp.resolve("recordings_audio"));
    Files.write(tmp.resolve("recordings_audio").resolve(stem + ".wav"), new byte[0]);
    for (String t : new String[] {"arousal", "valence"}) {
      Path d = tmp.resolve("ratings_gold_standard").resolve(t);
      Files.createDirectories(d);
      double[] v = values.clone();
      if (t.equals("valence")) for (int i = 0; i < v.length; i++) v[i] = -v[i];
      Files.writeString(d.resolve(stem + ".arff"), arff(stem, v));
    }
  }

  @Test
  void readsTracksPerRecording() throws IOException {
    recording("train_1", 0.1, 0.2, 0.3, 0.4);
    recording("dev_1", -0.5, -0.5, -0.5);
    Corpus c = RecolaReader.read(tmp, "arousal");
    assertEquals(2, c.recordings().size());
    assertEquals(10, c.task().numClasses());
    assertTrue(c.task().ordinal());
    Recording r = c.recordings().get(1);
    assertEquals("train_1", r.id());
    assertEquals("train_1", r.speaker());
    assertNull(r.split());
    RecordingLabel.Track t = (RecordingLabel.Track) r.label();
    assertEquals(0.04, t.stepSeconds(), 1e-12);
    assertArrayEquals(new double[] {0.1, 0.2, 0.3, 0.4}, t.values(), 1e-9);
    assertEquals(0.25, t.mean(0, 0.16), 1e-9);
    RecordingLabel.Track v = (RecordingLabel.Track) RecolaReader.read(tmp, "valence").recordings().get(1).label();
    assertEquals(-0.1, v.values()[0], 1e-9);
  }

  @Test
  void columnsFoundByAttributeOrder() throws IOException {
    recording("train_1", 0);
    Path f = tmp.resolve("ratings_gold_standard/arousal/train_1.arff");
    Files.writeString(f, """
        % comment
        @relation x
        @attribute GoldStandard numeric
        @attribute frameTime numeric
        @data
        0.7,0.0
        0.9,0.04
        """);
    RecordingLabel.Track t = (RecordingLabel.Track) RecolaReader.read(tmp, "arousal").recordings().get(0).label();
    assertArrayEquals(new double[] {0.7, 0.9}, t.values(), 1e-9);
  }

  @Test
  void malformedArffNamesFileAndLine() throws IOException {
    recording("train_1", 0.1, 0.2, 0.3);
    Path f = tmp.resolve("ratings_gold_standard/arousal/train_1.arff");
    String text = arff("train_1", 0.1, 0.2, 0.3).replace("0.200000", "abc");
    Files.writeString(f, text);
    DataFormatException e = assertThrows(DataFormatException.class, () -> RecolaReader.read(tmp, "arousal"));
    assertEquals(f, e.file());
    assertEquals(10, e.line(), e.getMessage()); // header 8 lines, 2nd data row
    assertTrue(e.getMessage().contains("train_1.arff:10"), e.getMessage());

    Files.writeString(f, arff("train_1", 0.1, 0.2).replace("'train_1',0.040000,", "'train_1',0.040000,1,"));
    assertEquals(10, assertThrows(DataFormatException.class, () -> RecolaReader.read(tmp, "arousal")).line());

    Files.writeString(f, arff("train_1", 0.1, 0.2, 0.3).replace("0.080000", "0.200000"));
    e = assertThrows(DataFormatException.class, () -> RecolaReader.read(tmp, "arousal"));
    assertTrue(e.getMessage().contains("regular step"), e.getMessage());

    Files.writeString(f, "@relation x\n@attribute frameTime numeric\n@data\n0.0\n0.04\n");
    e = assertThrows(DataFormatException.class, () -> RecolaReader.read(tmp, "arousal"));
    assertTrue(e.getMessage().contains("GoldStandard"), e.getMessage());
  }

  @Test
  void recordingWithoutRatingsIsAnError() throws IOException {
    recording("train_1", 0.1, 0.2);
    Files.write(tmp.resolve("recordings_audio/train_2.wav"), new byte[0]);
    DataFormatException e = assertThrows(DataFormatException.class, () -> RecolaReader.read(tmp, "valence"));
    assertTrue(e.getMessage().contains("train_2.wav"), e.getMessage());
  }
}
