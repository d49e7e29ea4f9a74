package org.emoaudionet.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WavWriterTest {
  @TempDir Path dir;

  @Test
  void roundTripsThroughTheReaderAndClips() throws Exception {
    float[] x = {0, 0.5f, -0.5f, 1 / 32768f, 2f, -3f, Float.NaN, 1f, -1f};
    Path p = dir.resolve("out.wav");
    WavWriter.writePcm16(p, x, 22050);
    AudioClip c = AudioReader.read(p);
    assertEquals(22050, c.sampleRate());
    assertArrayEquals(new float[] {0, 0.5f, -0.5f, 1 / 32768f, 32767 / 32768f, -1f, 0,
        32767 / 32768f, -1f}, c.samples(), 0f);
    assertEquals(44 + 2 * x.length, Files.size(p));
  }

  @Test
  void streamVariantWritesTheSameBytes() throws Exception {
    float[] x = TestSignals.sine(440, 0.3, 0.5, 16000);
    Path p = dir.resolve("a.wav");
    WavWriter.writePcm16(p, x, 16000);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    WavWriter.writePcm16(out, x, 16000);
    assertArrayEquals(Files.readAllBytes(p), out.toByteArray());
    assertArrayEquals(x, AudioReader.read(p).samples(), 1f / 32768);
  }
}
