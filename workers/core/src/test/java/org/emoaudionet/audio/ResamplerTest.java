package org.emoaudionet.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ResamplerTest {

  private static void assertSineKept(double fromRate, double toRate) {
    float[] x = TestSignals.sine(1000, 0.5, 2.0, (int) Math.round(fromRate));
    float[] y = Resampler.resample(x, fromRate, toRate);
    assertEquals(Math.ceil(x.length * toRate / fromRate), y.length, 1.0);
    double f = TestSignals.peakFrequency(y, 1) * toRate;
    assertEquals(1000, f, 5.0, "frequency after " + fromRate + " -> " + toRate);
    double amp = TestSignals.rms(TestSignals.middle(y)) * Math.sqrt(2);
    assertEquals(0.5, amp, 0.01, "amplitude after " + fromRate + " -> " + toRate);
  }

  @Test
  void sineKeepsFrequencyAndAmplitudeUp() {
    assertSineKept(16_000, 44_100);
  }

  @Test
  void sineKeepsFrequencyAndAmplitudeDown() {
    assertSineKept(44_100, 16_000);
  }

  @Test
  void irrationalRatioUsesInterpolatedKernel() {
    assertSineKept(44_100, 44_100 / Math.sqrt(2));
    assertSineKept(16_000, 16_000 * Math.PI / 2);
  }

  @Test
  void toneAboveTargetNyquistIsSuppressed() {
    float[] x = TestSignals.sine(10_000, 0.5, 2.0, 44_100);
    float[] y = Resampler.resample(x, 44_100, 16_000);
    double db = 20 * Math.log10(TestSignals.rms(TestSignals.middle(y)) / TestSignals.rms(x));
    assertTrue(db < -40, "10 kHz tone only suppressed to " + db + " dB");
    // same through the interpolated path
    float[] z = Resampler.resample(x, 44_100, 16_000.5);
    double dbz = 20 * Math.log10(TestSignals.rms(TestSignals.middle(z)) / TestSignals.rms(x));
    assertTrue(dbz < -40, "10 kHz tone only suppressed to " + dbz + " dB (interpolated)");
  }

  @Test
  void phaseBankAndInterpolatedTableAgree() {
    float[] x = TestSignals.noise(0.1, 4000, 7);
    float[] bank = Resampler.resample(x, 16_000, 44_100);
    float[] interp = Resampler.resample(x, 16_000, 44_100.0000001);
    assertEquals(bank.length, interp.length, 1);
    double err = 0;
    for (int i = 0; i < Math.min(bank.length, interp.length); i++) {
      err = Math.max(err, Math.abs(bank[i] - interp[i]));
    }
    assertTrue(err < 1e-3, "paths differ by " + err);
  }

  @Test
  void sixtySecondsUpsampleIsFast() {
    float[] x = TestSignals.noise(0.1, 60 * 16_000, 3);
    long t0 = System.nanoTime();
    float[] y = Resampler.resample(x, 16_000, 44_100);
    double s = (System.nanoTime() - t0) / 1e9;
    assertEquals(60 * 44_100, y.length);
    assertTrue(s < 5, "60 s 16k->44.1k took " + s + " s");
  }

  @Test
  void sameRateCopiesAndEmptyStaysEmpty() {
    float[] x = {0.1f, -0.2f, 0.3f};
    float[] y = Resampler.resample(x, 8000, 8000);
    assertArrayEquals(x, y);
    y[0] = 9;
    assertEquals(0.1f, x[0]);
    assertEquals(0, Resampler.resample(new float[0], 16_000, 44_100).length);
  }

  @Test
  void rejectsBadRates() {
    assertThrows(IllegalArgumentException.class, () -> Resampler.resample(new float[3], 0, 16_000));
    assertThrows(IllegalArgumentException.class,
        () -> Resampler.resample(new float[3], 16_000, Double.NaN));
  }
}
