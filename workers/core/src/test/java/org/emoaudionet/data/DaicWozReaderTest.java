package org.emoaudionet.data;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A synthetic DAIC-WOZ tree: one participant as a folder, one as a zip, fake audio bytes. */
class DaicWozReaderTest {
  @TempDir Path tmp;

  static final String TRANSCRIPT = "start_time\tstop_time\tspeaker\tvalue\n"
      + "36.588\t39.668\tEllie\thi i'm ellie thanks for coming in today\n"
      + "40.1\t41.5\tParticipant\tokay \"sure\n"
      + "42.0\t42.0\tEllie\tgood\n"
      + "43.25\t47.75\tParticipant\tyeah\n";

  void folder(String id) throws IOException {
    Path d = tmp.resolve(id + "_P");
    Files.createDirectories(d);
    Files.write(d.resolve(id + "_AUDIO.wav"), new byte[] {1, 2, 3});
    Files.writeString(d.resolve(id + "_TRANSCRIPT.csv"), TRANSCRIPT);
  }

  void zip(String id) throws IOException {
    try (OutputStream os = Files.newOutputStream(tmp.resolve(id + "_P.zip"));
        ZipOutputStream z = new ZipOutputStream(os)) {
      z.putNextEntry(new ZipEntry(id + "_AUDIO.wav"));
      z.write(new byte[] {9, 8, 7, 6});
      z.closeEntry();
      z.putNextEntry(new ZipEntry(id + "_TRANSCRIPT.csv"));
      z.write(TRANSCRIPT.getBytes());
      z.closeEntry();
    }
  }

  void lists() throws IOException {
    Files.writeString(tmp.resolve(DaicWozReader.TRAIN_LIST),
        "Participant_ID,PHQ8_Binary,PHQ8_Score,Gender,PHQ8_NoInterest\n303,0,0,0,0\n");
    Files.writeString(tmp.resolve(DaicWozReader.DEV_LIST),
        "Participant_ID,PHQ8_Binary,PHQ8_Score,Gender,PHQ8_NoInterest\n302,1,12,1,1\n");
    Files.writeString(tmp.resolve(DaicWozReader.TEST_LIST), "Participant_ID,PHQ_Binary,PHQ_Score,Gender\n");
  }

  @Test
  void readsFoldersAndZipsWithSplitsAndTurns() throws IOException {
    folder("303");
    zip("302");
    folder("999"); // in no list: skipped with a warning
    lists();
    Corpus c = DaicWozReader.read(tmp, "phq8_binary");
    assertEquals(List.of("0", "1"), c.task().classes());
    assertEquals(2, c.recordings().size());
    Recording a = c.recordings().get(0);
    assertEquals("303", a.id());
    assertEquals(Split.TRAIN, a.split());
    assertEquals("F", a.gender());
    assertEquals(new RecordingLabel.Category("0"), a.label());
    assertEquals(List.of(new TimeSpan(40.1, 41.5), new TimeSpan(43.25, 47.75)), a.regions());
    Recording b = c.recordings().get(1);
    assertEquals(Split.VAL, b.split());
    assertEquals("M", b.gender());
    assertEquals(new RecordingLabel.Category("1"), b.label());
    assertEquals("jar", b.audio().getFileSystem().provider().getScheme());
    try (InputStream in = Files.newInputStream(b.audio())) {
      assertArrayEquals(new byte[] {9, 8, 7, 6}, in.readAllBytes());
    }
    Corpus s = DaicWozReader.read(tmp, "phq8_score");
    assertEquals(25, s.task().numClasses());
    assertEquals(new RecordingLabel.Scalar(12), s.recordings().get(1).label());
  }

  @Test
  void testListUsesPhqColumns() throws IOException {
    folder("400");
    Files.writeString(tmp.resolve(DaicWozReader.TEST_LIST), "Participant_ID,PHQ_Binary,PHQ_Score,Gender\n400,1,15,1\n");
    Recording r = DaicWozReader.read(tmp, "phq8_score").recordings().get(0);
    assertEquals(Split.TEST, r.split());
    assertEquals(new RecordingLabel.Scalar(15), r.label());
  }

  @Test
  void listedParticipantWithoutAudioIsNamed() throws IOException {
    folder("303");
    lists();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DaicWozReader.read(tmp, "phq8_binary"));
    assertTrue(e.getMessage().contains("participant 302"), e.getMessage());
  }

  @Test
  void malformedCsvLineIsNamed() throws IOException {
    folder("303");
    folder("302");
    lists();
    Files.writeString(tmp.resolve(DaicWozReader.DEV_LIST),
        "Participant_ID,PHQ8_Binary,PHQ8_Score,Gender,PHQ8_NoInterest\n302,1,12,1,1\n304,2,12,1,1\n");
    DataFormatException e = assertThrows(DataFormatException.class, () -> DaicWozReader.read(tmp, "phq8_binary"));
    assertEquals(3, e.line());
    assertTrue(e.getMessage().contains(DaicWozReader.DEV_LIST + ":3"), e.getMessage());
    assertTrue(e.getMessage().contains("PHQ8_Binary '2'"), e.getMessage());

    Files.writeString(tmp.resolve("302_P/302_TRANSCRIPT.csv"), TRANSCRIPT + "50\tx\tParticipant\tbad\n");
    Files.writeString(tmp.resolve(DaicWozReader.DEV_LIST), "Participant_ID,PHQ8_Binary,PHQ8_Score,Gender\n302,1,12,1\n");
    e = assertThrows(DataFormatException.class, () -> DaicWozReader.read(tmp, "phq8_binary"));
    assertEquals(6, e.line(), e.getMessage());
    assertTrue(e.getMessage().contains("302_TRANSCRIPT.csv"), e.getMessage());
  }

  @Test
  void noListsIsAnError() throws IOException {
    folder("303");
    assertThrows(DataFormatException.class, () -> DaicWozReader.read(tmp, "phq8_binary"));
    assertThrows(IllegalArgumentException.class, () -> DaicWozReader.read(tmp, "arousal"));
  }
}
