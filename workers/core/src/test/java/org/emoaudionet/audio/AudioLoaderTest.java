package org.emoaudionet.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.emoaudionet.data.TimeSpan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AudioLoaderTest {
  @TempDir Path dir;

  /** 3 s at 16 kHz: second k holds a tone of (k+1)·500 Hz. */
  private Path threeTones() throws Exception {
    float[] x = new float[48000];
    for (int i = 0; i < x.length; i++) {
      int k = i / 16000;
      x[i] = (float) (0.4 * Math.sin(2 * Math.PI * (k + 1) * 500 * i / 16000));
    }
    Path p = dir.resolve("tones.wav");
    WavWriter.writePcm16(p, x, 16000);
    return p;
  }

  @Test
  void wholeFileIsResampled() throws Exception {
    AudioClip c = AudioLoader.load(threeTones(), 44100, List.of());
    assertEquals(44100, c.sampleRate());
    assertEquals(3 * 44100, c.samples().length);
    assertTrue(c.source().endsWith("tones.wav"));
  }

  @Test
  void regionsAreSortedMergedClippedAndJoined() throws Exception {
    Path p = threeTones();
    AudioClip c = AudioLoader.load(p, 16000, List.of(new TimeSpan(2.5, 9), new TimeSpan(0.25,
        0.5), new TimeSpan(0.4, 0.75)));
    assertEquals(8000 + 8000, c.samples().length); // 0.25..0.75 merged + 2.5..3.0 clipped
    float[] first = java.util.Arrays.copyOf(c.samples(), 8000);
    float[] last = java.util.Arrays.copyOfRange(c.samples(), 8000, 16000);
    assertEquals(500, TestSignals.peakFrequency(first, 16000), 5);
    assertEquals(1500, TestSignals.peakFrequency(last, 16000), 5);
  }

  @Test
  void rejectsSilenceEmptyAndRegionsThatSelectNothing() throws Exception {
    Path silent = dir.resolve("silent.wav");
    WavWriter.writePcm16(silent, new float[16000], 16000);
    AudioFormatException e = assertThrows(AudioFormatException.class,
        () -> AudioLoader.load(silent, 16000, List.of()));
    assertTrue(e.getMessage().contains("silent.wav") && e.getMessage().contains(
        "contains only silence"), e.getMessage());

    Path empty = dir.resolve("nosamples.wav");
    WavWriter.writePcm16(empty, new float[0], 16000);
    e = assertThrows(AudioFormatException.class, () -> AudioLoader.load(empty, 16000, List.of()));
    assertTrue(e.getMessage().contains("nosamples.wav"), e.getMessage());

    Path tones = threeTones();
    e = assertThrows(AudioFormatException.class,
        () -> AudioLoader.load(tones, 16000, List.of(new TimeSpan(5, 6))));
    assertTrue(e.getMessage().contains("tones.wav") && e.getMessage().contains("regions"),
        e.getMessage());
  }

  @Test
  void quietButRealSignalIsKept() throws Exception {
    Path p = dir.resolve("quiet.wav");
    WavWriter.writePcm16(p, TestSignals.sine(300, 0.001, 1, 16000), 16000);
    assertEquals(16000, AudioLoader.load(p, 16000, List.of()).samples().length);
  }
}
