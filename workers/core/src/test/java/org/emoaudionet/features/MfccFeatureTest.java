package org.emoaudionet.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Against librosa.feature.mfcc (fixtures from make_reference_features.py). Tolerance:
 * {@code |java - librosa| <= 1e-3 * max(1, |librosa|)} per value (librosa computes in float32).
 */
class MfccFeatureTest {
  private static final double REL = 1e-3;

  @ParameterizedTest
  @ValueSource(strings = {"vowel_male", "vowel_female", "fricative_burst", "short", "tiny"})
  void fullMatrixMatchesLibrosa(String name) {
    float[] y = Reference.signal(name);
    Npy.NpyArray ref = Reference.load(name + "_mfcc");
    double[][] m = new MfccFeature(Reference.SR, 177).mfcc(y);
    assertEquals(13, m.length);
    assertEquals(ref.shape()[1], m[0].length, "frames");
    assertEquals(MfccFeature.frameCount(y.length), m[0].length);
    double worst = 0;
    for (int k = 0; k < 13; k++) {
      for (int t = 0; t < m[k].length; t++) {
        double b = ref.get(k, t);
        double err = Math.abs(m[k][t] - b) / Math.max(1, Math.abs(b));
        worst = Math.max(worst, err);
        assertTrue(err <= REL, name + " mfcc[" + k + "][" + t + "] = " + m[k][t] + ", librosa " + b);
      }
    }
    System.out.printf("mfcc %s: worst relative error %.2e%n", name, worst);
  }

  @ParameterizedTest
  @ValueSource(strings = {"vowel_male", "vowel_female", "fricative_burst", "short", "tiny"})
  void vectorMatchesAuthorsMean(String name) {
    float[] v = new MfccFeature(Reference.SR, 177).compute(Reference.signal(name));
    Npy.NpyArray ref = Reference.load(name + "_mfcc177");
    assertEquals(177, v.length);
    for (int i = 0; i < 177; i++) {
      double b = ref.data()[i];
      assertTrue(Math.abs(v[i] - b) <= REL * Math.max(1, Math.abs(b)), name + " [" + i + "] = " + v[i] + ", ref " + b);
    }
  }

  @Test
  void shortSegmentIsZeroPadded() {
    float[] y = Reference.signal("short"); // 26 frames
    float[] v = new MfccFeature(Reference.SR, 177).compute(y);
    int t = MfccFeature.frameCount(y.length);
    assertEquals(26, t);
    assertTrue(v[t - 1] != 0f);
    for (int i = t; i < 177; i++) assertEquals(0f, v[i]);
  }

  @Test
  void instanceIsReusable() {
    MfccFeature f = new MfccFeature(Reference.SR, 177);
    float[] a = f.compute(Reference.signal("vowel_male"));
    f.compute(Reference.signal("tiny"));
    f.compute(Reference.signal("fricative_burst"));
    float[] b = f.compute(Reference.signal("vowel_male"));
    assertEquals(java.util.Arrays.toString(a), java.util.Arrays.toString(b));
  }

  @Test
  void rejectsBadInput() {
    assertThrows(IllegalArgumentException.class, () -> new MfccFeature(0, 177));
    assertThrows(IllegalArgumentException.class, () -> new MfccFeature(44_100, 0));
    assertThrows(IllegalArgumentException.class, () -> new MfccFeature(44_100, 177).compute(new float[0]));
    float[] y = new float[5000];
    y[4321] = Float.NaN;
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new MfccFeature(44_100, 177).compute(y));
    assertTrue(e.getMessage().contains("4321"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new Spectrogram().psdDb(y, 44_100));
  }
}
