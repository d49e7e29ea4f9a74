package org.emoaudionet.audio;

/** In-place iterative radix-2 complex FFT (lengths that are powers of two). */
public final class Fft {
  private Fft() {}

  /** Forward transform of {@code (re, im)}, no scaling: X[k] = Σ x[n]·e^(-2πikn/N). */
  public static void forward(double[] re, double[] im) {
    transform(re, im, -1);
  }

  /** Inverse transform, scaled by 1/N so that inverse(forward(x)) == x. */
  public static void inverse(double[] re, double[] im) {
    transform(re, im, 1);
    double s = 1.0 / re.length;
    for (int i = 0; i < re.length; i++) {
      re[i] *= s;
      im[i] *= s;
    }
  }

  public static boolean isPowerOfTwo(int n) {
    return n > 0 && (n & (n - 1)) == 0;
  }

  private static void transform(double[] re, double[] im, int sign) {
    int n = re.length;
    if (!isPowerOfTwo(n) || im.length != n) {
      throw new IllegalArgumentException("FFT length must be a power of two, got " + n);
    }
    for (int i = 1, j = 0; i < n; i++) {
      int bit = n >> 1;
      for (; (j & bit) != 0; bit >>= 1) {
        j ^= bit;
      }
      j ^= bit;
      if (i < j) {
        double t = re[i];
        re[i] = re[j];
        re[j] = t;
        t = im[i];
        im[i] = im[j];
        im[j] = t;
      }
    }
    for (int len = 2; len <= n; len <<= 1) {
      double ang = sign * 2 * Math.PI / len;
      int half = len >> 1;
      for (int k = 0; k < half; k++) {
        // direct cos/sin per twiddle keeps the error at machine precision for long transforms
        double wr = Math.cos(ang * k);
        double wi = Math.sin(ang * k);
        for (int i = k; i < n; i += len) {
          int j = i + half;
          double xr = re[j] * wr - im[j] * wi;
          double xi = re[j] * wi + im[j] * wr;
          re[j] = re[i] - xr;
          im[j] = im[i] - xi;
          re[i] += xr;
          im[i] += xi;
        }
      }
    }
  }
}
