package org.emoaudionet.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Optional columns as real corpora fill them: empty, "unknown", female/male. */
class RealManifestColumnsTest {
  @TempDir Path tmp;

  private Path manifest(String rows) throws Exception {
    for (String f : new String[] {"a.wav", "b.wav", "c.wav"}) Files.write(tmp.resolve(f), new byte[0]);
    Path csv = tmp.resolve("m.csv");
    Files.writeString(csv, "path,label,speaker,split,gender\n" + rows);
    return csv;
  }

  @Test
  void unknownGenderAndEmptyOptionalValuesAreAbsentNotErrors() throws Exception {
    Path csv = manifest("a.wav,angry,s1,train,unknown\nb.wav,sad,,,female\nc.wav,sad,unknown,,Male\n");
    Corpus c = ManifestReader.read(csv, "label");
    assertNull(c.recordings().get(0).gender());
    assertEquals("F", c.recordings().get(1).gender());
    assertEquals("M", c.recordings().get(2).gender());
    assertEquals("b.wav", c.recordings().get(1).speaker(), "no speaker: the file is its own");
    assertEquals("c.wav", c.recordings().get(2).speaker());
    assertNull(c.recordings().get(1).split());
  }

  @Test
  void theGenderTaskLeavesUnknownRowsOut() throws Exception {
    Path csv = manifest("a.wav,angry,s1,,unknown\nb.wav,sad,s2,,female\nc.wav,sad,s3,,m\n");
    Corpus c = ManifestReader.read(csv, "gender");
    assertEquals(2, c.recordings().size());
    assertEquals(java.util.List.of("F", "M"), c.task().classes());
  }

  @Test
  void aRealTypoIsStillAnErrorNamingTheValue() throws Exception {
    Path csv = manifest("a.wav,angry,s1,,femme\n");
    var e = assertThrows(DataFormatException.class, () -> ManifestReader.read(csv, "label"));
    assertTrue(e.getMessage().contains("'femme'") && e.getMessage().contains("m.csv"), e.getMessage());
  }
}
