package org.emoaudionet.audio;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The core's one FFT: iterative radix-2 decimation in time, lengths that are powers of two, sign
 * convention as numpy ({@code X[k] = sum_m x[m] exp(-2 pi i k m / N)}). Two ways in, one kernel:
 *
 * <ul>
 *   <li>{@link #forward(double[], double[])} / {@link #inverse(double[], double[])}: an in-place
 *       complex transform of any power-of-two length (the phase vocoder's STFT).
 *   <li>an instance of a fixed real size {@code n} (2048 for the MFCCs, 256 for the
 *       spectrogram): the real signal is packed into a complex one of length {@code n/2} (even
 *       samples real, odd samples imaginary), transformed by the same kernel, and split back into
 *       the {@code n/2 + 1} non-negative frequency bins. It owns work buffers and is therefore NOT
 *       thread-safe: give each thread its own. The transform itself allocates nothing.
 * </ul>
 *
 * <p>Twiddle {@code t} of a length-{@code N} transform is {@code exp(sign 2 pi i t / N)}, computed
 * once per length and sign with {@link Math#cos}/{@link Math#sin} of that angle directly (no
 * recurrence), which keeps the error at machine precision for long transforms.
 */
public final class Fft {
  /** Twiddle tables by length, forward ({@code -1}) and inverse ({@code +1}); immutable. */
  private static final ConcurrentMap<Integer, Twiddles> FORWARD = new ConcurrentHashMap<>();
  private static final ConcurrentMap<Integer, Twiddles> INVERSE = new ConcurrentHashMap<>();

  private final int n;
  private final int half;
  private final Twiddles twiddles;
  /** exp(-2 pi i k / n), k <= half: the real-split twiddles. */
  private final double[] splitRe;
  private final double[] splitIm;
  private final double[] re;
  private final double[] im;
  /** The split spectrum, for {@link #powerSpectrum}. */
  private final double[] binRe;
  private final double[] binIm;

  /** A real-input transform of size {@code n}, a power of two of at least 4. */
  public Fft(int n) {
    if (n < 4 || Integer.bitCount(n) != 1) {
      throw new IllegalArgumentException("FFT size must be a power of two >= 4, got " + n);
    }
    this.n = n;
    this.half = n / 2;
    this.twiddles = twiddles(half, -1);
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

  /** Forward complex transform of {@code (re, im)} in place, no scaling. */
  public static void forward(double[] re, double[] im) {
    checkComplex(re, im);
    bitReverse(re, im);
    butterflies(re, im, twiddles(re.length, -1));
  }

  /** Inverse complex transform in place, scaled by 1/N so that inverse(forward(x)) == x. */
  public static void inverse(double[] re, double[] im) {
    checkComplex(re, im);
    bitReverse(re, im);
    butterflies(re, im, twiddles(re.length, 1));
    double s = 1.0 / re.length;
    for (int i = 0; i < re.length; i++) {
      re[i] *= s;
      im[i] *= s;
    }
  }

  public static boolean isPowerOfTwo(int n) {
    return n > 0 && (n & (n - 1)) == 0;
  }

  public int size() {
    return n;
  }

  /** Number of non-negative frequency bins, {@code n/2 + 1}. */
  public int bins() {
    return half + 1;
  }

  /**
   * The non-negative frequency half of the DFT of the real signal {@code x[0..n)}.
   *
   * @param outRe receives {@code n/2 + 1} real parts
   * @param outIm receives {@code n/2 + 1} imaginary parts
   */
  public void forward(double[] x, double[] outRe, double[] outIm) {
    if (x.length < n) {
      throw new IllegalArgumentException("FFT input has " + x.length + " samples, needs " + n);
    }
    for (int m = 0; m < half; m++) {
      int r = twiddles.bitReverse[m];
      re[r] = x[2 * m];
      im[r] = x[2 * m + 1];
    }
    butterflies(re, im, twiddles);
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

  /** {@code |X[k]|^2} for {@code k = 0..n/2} of the real signal {@code x} into {@code out}. */
  public void powerSpectrum(double[] x, double[] out) {
    forward(x, binRe, binIm);
    for (int k = 0; k <= half; k++) out[k] = binRe[k] * binRe[k] + binIm[k] * binIm[k];
  }

  private static void checkComplex(double[] re, double[] im) {
    int n = re.length;
    if (!isPowerOfTwo(n) || im.length != n) {
      throw new IllegalArgumentException("FFT length must be a power of two, got " + n);
    }
  }

  /** The bit-reversal permutation of {@code (re, im)} in place. */
  private static void bitReverse(double[] re, double[] im) {
    int[] rev = twiddles(re.length, -1).bitReverse;
    for (int i = 0; i < re.length; i++) {
      int j = rev[i];
      if (i < j) {
        double t = re[i];
        re[i] = re[j];
        re[j] = t;
        t = im[i];
        im[i] = im[j];
        im[j] = t;
      }
    }
  }

  /**
   * The radix-2 stages over bit-reversed input, in place: the one kernel of both ways in. The first
   * stage's twiddle is 1, so it is a plain sum and difference; every later stage reads its
   * twiddles from a contiguous per-stage table ({@link Twiddles#stageRe}) rather than with a stride
   * through the full one: the same values, so the same result, at about half the time (the
   * strided reads and the one-butterfly inner loops of the early stages dominated).
   */
  private static void butterflies(double[] re, double[] im, Twiddles w) {
    int size = re.length;
    if (size >= 2) {
      for (int p = 0; p < size; p += 2) {
        double qr = re[p + 1], qi = im[p + 1];
        re[p + 1] = re[p] - qr;
        im[p + 1] = im[p] - qi;
        re[p] += qr;
        im[p] += qi;
      }
    }
    for (int stage = 2, len = 4; len <= size; len <<= 1, stage++) {
      int halfLen = len >> 1;
      double[] sr = w.stageRe[stage], si = w.stageIm[stage];
      for (int start = 0; start < size; start += len) {
        for (int j = 0; j < halfLen; j++) {
          int p = start + j, q = p + halfLen;
          double wr = sr[j], wi = si[j];
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

  private static Twiddles twiddles(int size, int sign) {
    return (sign < 0 ? FORWARD : INVERSE).computeIfAbsent(size, s -> new Twiddles(s, sign));
  }

  /** exp(sign 2 pi i t / size) for t < size / 2, and the bit-reversal of {@code size} indices. */
  private static final class Twiddles {
    final double[] re;
    final double[] im;
    final int[] bitReverse;
    /** Stage s (butterflies of length 2^s) reads re[j * size / 2^s], j < 2^(s-1), contiguously. */
    final double[][] stageRe;
    final double[][] stageIm;

    Twiddles(int size, int sign) {
      re = new double[size / 2];
      im = new double[size / 2];
      for (int t = 0; t < size / 2; t++) {
        double a = sign * 2 * Math.PI * t / size;
        re[t] = Math.cos(a);
        im[t] = Math.sin(a);
      }
      int bits = Integer.numberOfTrailingZeros(size);
      bitReverse = new int[size];
      for (int i = 0; i < size; i++) {
        bitReverse[i] = bits == 0 ? 0 : Integer.reverse(i) >>> (32 - bits);
      }
      stageRe = new double[bits + 1][];
      stageIm = new double[bits + 1][];
      for (int s = 1; s <= bits; s++) {
        int len = 1 << s, halfLen = len >> 1, step = size / len;
        stageRe[s] = new double[halfLen];
        stageIm[s] = new double[halfLen];
        for (int j = 0; j < halfLen; j++) {
          stageRe[s][j] = re[j * step];
          stageIm[s][j] = im[j * step];
        }
      }
    }
  }
}
