package org.emoaudionet.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class FftTest {
  @ParameterizedTest
  @ValueSource(ints = {4, 8, 64, 256, 2048})
  void matchesDirectDft(int n) {
    Random rnd = new Random(n);
    double[] x = new double[n];
    for (int i = 0; i < n; i++) x[i] = rnd.nextGaussian();
    Fft fft = new Fft(n);
    double[] re = new double[n / 2 + 1], im = new double[n / 2 + 1], pow = new double[n / 2 + 1];
    fft.forward(x, re, im);
    fft.powerSpectrum(x, pow);
    for (int k = 0; k <= n / 2; k++) {
      double sr = 0, si = 0;
      for (int m = 0; m < n; m++) {
        double a = -2 * Math.PI * (long) k * m / n;
        sr += x[m] * Math.cos(a);
        si += x[m] * Math.sin(a);
      }
      assertEquals(sr, re[k], 1e-9 * n, "re bin " + k);
      assertEquals(si, im[k], 1e-9 * n, "im bin " + k);
      assertEquals(sr * sr + si * si, pow[k], 1e-8 * n * Math.max(1, pow[k]), "power bin " + k);
    }
  }

  @Test
  void reusableAcrossCalls() {
    Fft fft = new Fft(256);
    double[] x = new double[256];
    x[3] = 1; // impulse: flat magnitude
    double[] p1 = new double[129], p2 = new double[129];
    fft.powerSpectrum(x, p1);
    fft.powerSpectrum(new double[256], p2);
    fft.powerSpectrum(x, p2);
    for (int k = 0; k < 129; k++) {
      assertEquals(1.0, p1[k], 1e-12);
      assertEquals(p1[k], p2[k], 0.0);
    }
  }

  @Test
  void rejectsNonPowerOfTwo() {
    assertThrows(IllegalArgumentException.class, () -> new Fft(1000));
    assertThrows(IllegalArgumentException.class, () -> new Fft(256).powerSpectrum(new double[100], new double[129]));
  }
}
