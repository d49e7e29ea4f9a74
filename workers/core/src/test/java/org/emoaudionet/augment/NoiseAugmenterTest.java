package org.emoaudionet.augment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.emoaudionet.audio.TestSignals;
import org.junit.jupiter.api.Test;

class NoiseAugmenterTest {
  @Test
  void addsSeededStandardNormalNoiseScaledByAlpha() {
    float[] x = TestSignals.sine(440, 0.5, 1, 16000);
    float[] z = NoiseAugmenter.addNoise(x, 0.02, 42);
    float[] diff = new float[x.length];
    double mean = 0;
    for (int i = 0; i < x.length; i++) {
      diff[i] = z[i] - x[i];
      mean += diff[i];
    }
    assertEquals(0.02, TestSignals.rms(diff), 0.02 * 0.03);
    assertEquals(0, mean / x.length, 0.02 * 0.03);
    assertArrayEquals(z, NoiseAugmenter.addNoise(x, 0.02, 42));
    assertFalse(Arrays.equals(z, NoiseAugmenter.addNoise(x, 0.02, 43)));
    assertArrayEquals(x, NoiseAugmenter.addNoise(x, 0, 42));
    assertThrows(IllegalArgumentException.class, () -> NoiseAugmenter.addNoise(x, -1, 1));
  }
}
