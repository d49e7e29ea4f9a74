package org.emoaudionet.features;

/**
 * Real-input FFT of a fixed power-of-two size (2048 for the MFCCs, 256 for the spectrogram).
 *
 * <p>The real signal of length {@code n} is packed into a complex signal of length {@code n/2}
 * (even samples real, odd samples imaginary), transformed by an iterative radix-2
 * decimation-in-time FFT, and split back into the {@code n/2 + 1} non-negative frequency bins.
 * Twiddles and the bit-reversal permutation are computed once in the constructor; the transform
 * itself allocates nothing. One instance owns work buffers and is therefore NOT thread-safe:
 * give each thread its own.
 *
 * <p>Sign convention as numpy: {@code X[k] = sum_m x[m] exp(-2 pi i k m / n)}.
 */
public final class Fft {
  private final int n;
  private final int half;
  private final int[] bitReverse;
  /** exp(-2 pi i j / half), j < half / 2: the complex FFT's twiddles. */
  private final double[] twRe;
  private final double[] twIm;
  /** exp(-2 pi i k / n), k <= half: the real-split twiddles. */
  private final double[] splitRe;
  private final double[] splitIm;
  private final double[] re;
  private final double[] im;
  /** The split spectrum, for {@link #powerSpectrum}. */
  private final double[] binRe;
  private final double[] binIm;

  public Fft(int n) {
    if (n < 4 || Integer.bitCount(n) != 1) {
      throw new IllegalArgumentException("FFT size must be a power of two >= 4, got " + n);
    }
    this.n = n;
    this.half = n / 2;
    int bits = Integer.numberOfTrailingZeros(half);
    bitReverse = new int[half];
    for (int i = 0; i < half; i++) {
      bitReverse[i] = bits == 0 ? 0 : Integer.reverse(i) >>> (32 - bits);
    }
    twRe = new double[Math.max(1, half / 2)];
    twIm = new double[twRe.length];
    for (int j = 0; j < half / 2; j++) {
      double a = -2 * Math.PI * j / half;
      twRe[j] = Math.cos(a);
      twIm[j] = Math.sin(a);
    }
    splitRe = new double[half + 1];
    splitIm = new double[half + 1];
    for (int k = 0; k <= half; k++) {
      double a = -2 * Math.PI * k / n;
      splitRe[k] = Math.cos(a);
      splitIm[k] = Math.sin(a);
    }
    re = new double[half];
    im = new double[half];
    binRe = new double[half + 1];
    binIm = new double[half + 1];
  }

  public int size() {
    return n;
  }

  /** Number of non-negative frequency bins, {@code n/2 + 1}. */
  public int bins() {
    return half + 1;
  }

  /**
   * The non-negative frequency half of the DFT of {@code x[0..n)}.
   *
   * @param outRe receives {@code n/2 + 1} real parts
   * @param outIm receives {@code n/2 + 1} imaginary parts
   */
  public void forward(double[] x, double[] outRe, double[] outIm) {
    transformPacked(x);
    for (int k = 0; k <= half; k++) {
      int a = k == half ? 0 : k;
      int b = k == 0 ? 0 : half - k;
      // Even part E_k = (Z_k + conj Z_{h-k}) / 2, odd part O_k = (Z_k - conj Z_{h-k}) / (2i).
      double zr = re[a], zi = im[a], cr = re[b], ci = im[b];
      double er = 0.5 * (zr + cr), ei = 0.5 * (zi - ci);
      double or = 0.5 * (zi + ci), oi = -0.5 * (zr - cr);
      double wr = splitRe[k], wi = splitIm[k];
      outRe[k] = er + wr * or - wi * oi;
      outIm[k] = ei + wr * oi + wi * or;
    }
  }

  /** {@code |X[k]|^2} for {@code k = 0..n/2} into {@code out}. */
  public void powerSpectrum(double[] x, double[] out) {
    forward(x, binRe, binIm);
    for (int k = 0; k <= half; k++) out[k] = binRe[k] * binRe[k] + binIm[k] * binIm[k];
  }

  /** Packs x into re/im in bit-reversed order and runs the half-size complex FFT in place. */
  private void transformPacked(double[] x) {
    if (x.length < n) {
      throw new IllegalArgumentException("FFT input has " + x.length + " samples, needs " + n);
    }
    for (int m = 0; m < half; m++) {
      int r = bitReverse[m];
      re[r] = x[2 * m];
      im[r] = x[2 * m + 1];
    }
    for (int len = 2; len <= half; len <<= 1) {
      int halfLen = len >> 1;
      int step = half / len;
      for (int start = 0; start < half; start += len) {
        for (int j = 0, t = 0; j < halfLen; j++, t += step) {
          int p = start + j, q = p + halfLen;
          double wr = twRe[t], wi = twIm[t];
          double qr = re[q] * wr - im[q] * wi;
          double qi = re[q] * wi + im[q] * wr;
          re[q] = re[p] - qr;
          im[q] = im[p] - qi;
          re[p] += qr;
          im[p] += qi;
        }
      }
    }
  }
}
