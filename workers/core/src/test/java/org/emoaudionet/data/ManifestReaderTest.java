package org.emoaudionet.data;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestReaderTest {
  @TempDir Path tmp;

  Path audio(String name) throws IOException {
    Path p = tmp.resolve(name);
    Files.createDirectories(p.getParent());
    Files.write(p, new byte[0]);
    return p;
  }

  @Test
  void readsRelativeAndAbsolutePathsAndQuotedFields() throws IOException {
    audio("clips/a.wav");
    audio("clips/b c.flac");
    Path abs = audio("other/x.wav");
    Path csv = tmp.resolve("m.csv");
    Files.writeString(csv, "path,label,speaker,split,gender,extra\n"
        + "clips/a.wav,happy,s1,train,F,ignored\n"
        + "\"clips/b c.flac\",\"sad, very\",s2,TEST,male,\"multi\nline\"\n"
        + abs + ",angry,s1,val,,\n");
    Corpus c = ManifestReader.read(csv, "label");
    assertEquals(List.of("angry", "happy", "sad, very"), c.task().classes());
    assertEquals("label", c.task().name());
    Recording b = c.recordings().get(1);
    assertEquals(tmp.resolve("clips/b c.flac"), b.audio());
    assertEquals("s2", b.speaker());
    assertEquals(Split.TEST, b.split());
    assertEquals("M", b.gender());
    assertEquals(new RecordingLabel.Category("sad, very"), b.label());
    assertEquals(abs, c.recordings().get(2).audio());
    assertNull(c.recordings().get(2).gender());
    assertEquals(Split.VAL, c.recordings().get(2).split());
  }

  @Test
  void genderTaskAndNoSpeakerColumn() throws IOException {
    audio("a.wav");
    audio("b.wav");
    Path csv = tmp.resolve("m.csv");
    Files.writeString(csv, "label,path,gender\nx,a.wav,f\ny,b.wav,M\n");
    Corpus c = ManifestReader.read(csv, "gender");
    assertEquals(List.of("F", "M"), c.task().classes());
    assertEquals("gender", c.task().name());
    assertEquals("a.wav", c.recordings().get(0).speaker(), "each file its own speaker");
    assertNull(c.recordings().get(0).split());
  }

  @Test
  void errorsNameFileLineAndValue() throws IOException {
    audio("a.wav");
    Path csv = tmp.resolve("m.csv");
    Files.writeString(csv, "path,label,split\na.wav,x,train\nmissing.wav,y,test\n");
    DataFormatException e = assertThrows(DataFormatException.class, () -> ManifestReader.read(csv, "label"));
    assertEquals(3, e.line());
    assertTrue(e.getMessage().contains("m.csv:3") && e.getMessage().contains("missing.wav"), e.getMessage());

    Files.writeString(csv, "path,label,split\na.wav,x,holdout\n");
    e = assertThrows(DataFormatException.class, () -> ManifestReader.read(csv, "label"));
    assertTrue(e.getMessage().contains("m.csv:2") && e.getMessage().contains("holdout"), e.getMessage());

    Files.writeString(csv, "path,label\na.wav,  \n");
    e = assertThrows(DataFormatException.class, () -> ManifestReader.read(csv, "label"));
    assertTrue(e.getMessage().contains("empty label"), e.getMessage());

    Files.writeString(csv, "path,speaker\na.wav,s\n");
    e = assertThrows(DataFormatException.class, () -> ManifestReader.read(csv, "label"));
    assertTrue(e.getMessage().contains("missing column label"), e.getMessage());

    Files.writeString(csv, "path,label\n\"a.wav,x\n");
    e = assertThrows(DataFormatException.class, () -> ManifestReader.read(csv, "label"));
    assertTrue(e.getMessage().contains("unterminated"), e.getMessage());
  }
}
