package org.emoaudionet.data;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.emoaudionet.pipeline.CorpusLoader;
import org.emoaudionet.pipeline.DatasetUri;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link CorpusLoader} dispatch and its errors, on synthetic layouts. */
class CorpusLoaderTest {
  @TempDir Path tmp;

  @Test
  void dispatchesByScheme() throws IOException {
    Files.write(tmp.resolve("a.wav"), new byte[0]);
    Files.writeString(tmp.resolve("m.csv"), "path,label,gender\na.wav,x,F\n");
    Corpus c = CorpusLoader.load(DatasetUri.parse("manifest:" + tmp.resolve("m.csv")), "label");
    assertEquals("manifest", c.name());
    assertEquals("gender", CorpusLoader.load(DatasetUri.parse("manifest:" + tmp.resolve("m.csv")), "gender")
        .task().name());

    Path ls = tmp.resolve("ls/LibriSpeech/dev-clean/32/21625");
    Files.createDirectories(ls);
    Files.write(ls.resolve("32-21625-0000.flac"), new byte[0]);
    Files.writeString(tmp.resolve("ls/LibriSpeech/SPEAKERS.TXT"), "32 | F | dev-clean | 1.0 | B\n");
    Corpus l = CorpusLoader.load(DatasetUri.parse("librispeech:" + tmp.resolve("ls")), "gender");
    assertEquals("librispeech", l.name());
    assertEquals(1, l.recordings().size());
  }

  @Test
  void taskThatDoesNotFitIsNamed() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> CorpusLoader.load(DatasetUri.parse("librispeech:" + tmp), "arousal"));
    assertTrue(e.getMessage().contains("'arousal'") && e.getMessage().contains("expected one of [gender]"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> CorpusLoader.load(DatasetUri.parse("daic-woz:" + tmp), "gender"));
    assertTrue(e.getMessage().contains("phq8_binary, phq8_score"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> CorpusLoader.load(DatasetUri.parse("recola:" + tmp.resolve("nowhere")), "valence"));
    assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
  }
}
