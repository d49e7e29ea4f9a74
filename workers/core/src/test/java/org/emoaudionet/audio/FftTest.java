package org.emoaudionet.audio;

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

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 8, 512})
  void complexTransformMatchesDirectDftAndInverts(int n) {
    Random rnd = new Random(31 + n);
    double[] re = new double[n], im = new double[n];
    for (int i = 0; i < n; i++) {
      re[i] = rnd.nextGaussian();
      im[i] = rnd.nextGaussian();
    }
    double[] r = re.clone(), i = im.clone();
    Fft.forward(r, i);
    for (int k = 0; k < n; k++) {
      double sr = 0, si = 0;
      for (int m = 0; m < n; m++) {
        double a = -2 * Math.PI * (long) k * m / n;
        sr += re[m] * Math.cos(a) - im[m] * Math.sin(a);
        si += re[m] * Math.sin(a) + im[m] * Math.cos(a);
      }
      assertEquals(sr, r[k], 1e-9 * n, "re bin " + k);
      assertEquals(si, i[k], 1e-9 * n, "im bin " + k);
    }
    Fft.inverse(r, i);
    for (int m = 0; m < n; m++) {
      assertEquals(re[m], r[m], 1e-12 * n, "re sample " + m);
      assertEquals(im[m], i[m], 1e-12 * n, "im sample " + m);
    }
  }

  /** The real-input way in (packed half-size transform) and the complex one agree. */
  @Test
  void realAndComplexTransformsAgree() {
    int n = 2048;
    Random rnd = new Random(5);
    double[] x = new double[n];
    for (int i = 0; i < n; i++) x[i] = rnd.nextGaussian();
    double[] re = x.clone(), im = new double[n];
    Fft.forward(re, im);
    double[] binRe = new double[n / 2 + 1], binIm = new double[n / 2 + 1];
    new Fft(n).forward(x, binRe, binIm);
    for (int k = 0; k <= n / 2; k++) {
      assertEquals(re[k], binRe[k], 1e-10, "re bin " + k);
      assertEquals(im[k], binIm[k], 1e-10, "im bin " + k);
    }
  }

  @Test
  void rejectsNonPowerOfTwo() {
    assertThrows(IllegalArgumentException.class, () -> new Fft(1000));
    assertThrows(IllegalArgumentException.class, () -> new Fft(256).powerSpectrum(new double[100], new double[129]));
    assertThrows(IllegalArgumentException.class, () -> Fft.forward(new double[6], new double[6]));
    assertThrows(IllegalArgumentException.class, () -> Fft.inverse(new double[8], new double[4]));
  }
}
