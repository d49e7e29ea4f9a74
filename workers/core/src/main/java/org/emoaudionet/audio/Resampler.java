package org.emoaudionet.audio;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Band-limited sample-rate conversion by windowed-sinc interpolation (Smith's "bandlimited
 * interpolation", as in libsamplerate and resampy).
 *
 * <p>The low-pass kernel is {@code 2fc·sinc(2fc·τ)·kaiser(τ)} with {@code fc} = {@value #ROLLOFF}
 * × min(from, to)/2 expressed in cycles per input sample, so it both interpolates (upsampling) and
 * removes everything the target rate cannot represent (downsampling) before it aliases. The Kaiser
 * window (β = {@value #BETA}, {@value #ZERO_CROSSINGS} zero crossings each side) gives about 85 dB
 * stop-band attenuation with a transition band that ends below the target Nyquist frequency.
 *
 * <p>Two precomputed forms of the same kernel: when the rates are integers whose ratio needs few
 * phases (16 kHz ↔ 44.1 kHz needs 441 or 160), a cached bank of exact per-phase filters; for any
 * other ratio (irrational included) a finely sampled kernel table read with linear interpolation.
 * Samples outside the input are taken as zero. The output has {@code ceil(n·to/from)} samples.
 */
public final class Resampler {
  static final int ZERO_CROSSINGS = 64;
  static final double ROLLOFF = 0.92;
  static final double BETA = 8.6;
  /** Kernel table points per zero crossing; linear interpolation error is then ~1e-5. */
  private static final int TABLE_RES = 1024;
  /** Bigger phase banks than this (in floats) fall back to the interpolated table. */
  private static final long MAX_BANK_FLOATS = 4_000_000;

  private static final float[] TABLE = buildTable();
  private static final Map<String, PhaseBank> BANKS = new ConcurrentHashMap<>();

  private Resampler() {}

  /** Resamples {@code x} from {@code fromRate} to {@code toRate} (Hz, any positive values). */
  public static float[] resample(float[] x, double fromRate, double toRate) {
    if (!(fromRate > 0) || !(toRate > 0) || Double.isInfinite(fromRate)
        || Double.isInfinite(toRate)) {
      throw new IllegalArgumentException(
          "sample rates must be positive and finite, got " + fromRate + " -> " + toRate);
    }
    if (fromRate == toRate) {
      return x.clone();
    }
    long outLen = outputLength(x.length, fromRate, toRate);
    if (outLen > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(
          "resampled length " + outLen + " samples is too large for one array");
    }
    float[] y = new float[(int) outLen];
    if (y.length == 0 || x.length == 0) {
      return y;
    }
    PhaseBank bank = bankFor(fromRate, toRate);
    if (bank != null) {
      bank.apply(x, y);
    } else {
      interpolated(x, y, fromRate, toRate);
    }
    return y;
  }

  /** How many samples {@link #resample} returns for {@code n}: known before allocating them. */
  public static long outputLength(long n, double fromRate, double toRate) {
    if (fromRate == toRate) return n;
    return (long) Math.max(0, Math.ceil(n * (toRate / fromRate) - 1e-9));
  }

  /** Cut-off in cycles per input sample. */
  private static double cutoff(double fromRate, double toRate) {
    return ROLLOFF * Math.min(fromRate, toRate) / 2 / fromRate;
  }

  /** Kernel value at distance {@code u} measured in zero crossings (exact, no table). */
  static double kernel(double u) {
    double a = Math.abs(u);
    if (a >= ZERO_CROSSINGS) {
      return 0;
    }
    double sinc = a < 1e-12 ? 1 : Math.sin(Math.PI * a) / (Math.PI * a);
    double r = a / ZERO_CROSSINGS;
    return sinc * besselI0(BETA * Math.sqrt(1 - r * r)) / besselI0(BETA);
  }

  /** Modified Bessel function of the first kind, order 0 (power series; converges fast here). */
  static double besselI0(double x) {
    double sum = 1;
    double term = 1;
    double q = x * x / 4;
    for (int k = 1; k < 200; k++) {
      term *= q / ((double) k * k);
      sum += term;
      if (term < sum * 1e-17) {
        break;
      }
    }
    return sum;
  }

  private static float[] buildTable() {
    float[] t = new float[ZERO_CROSSINGS * TABLE_RES + 2];
    for (int i = 0; i < t.length - 1; i++) {
      t[i] = (float) kernel(i / (double) TABLE_RES);
    }
    return t;
  }

  private static void interpolated(float[] x, float[] y, double fromRate, double toRate) {
    double step = fromRate / toRate;
    double scale = 2 * cutoff(fromRate, toRate); // zero crossings per input sample
    double halfWidth = ZERO_CROSSINGS / scale;
    double tableStep = scale * TABLE_RES; // table indices per input sample
    int n = x.length;
    for (int i = 0; i < y.length; i++) {
      double t = i * step;
      int lo = (int) Math.max(0, Math.ceil(t - halfWidth));
      int hi = (int) Math.min(n - 1, Math.floor(t + halfWidth));
      double acc = 0;
      for (int k = lo; k <= hi; k++) {
        double pos = Math.abs(t - k) * tableStep;
        int idx = (int) pos;
        if (idx >= TABLE.length - 2) {
          continue;
        }
        double f = pos - idx;
        double h = TABLE[idx] + f * (TABLE[idx + 1] - TABLE[idx]);
        acc += x[k] * h;
      }
      y[i] = (float) (acc * scale);
    }
  }

  private static PhaseBank bankFor(double fromRate, double toRate) {
    if (fromRate != Math.rint(fromRate) || toRate != Math.rint(toRate)
        || fromRate > Integer.MAX_VALUE || toRate > Integer.MAX_VALUE) {
      return null;
    }
    long from = (long) fromRate;
    long to = (long) toRate;
    long g = gcd(from, to);
    long phases = to / g;
    long advance = from / g;
    double scale = 2 * cutoff(fromRate, toRate);
    long taps = (long) Math.ceil(2 * ZERO_CROSSINGS / scale) + 2;
    if (phases * taps > MAX_BANK_FLOATS) {
      return null;
    }
    return BANKS.computeIfAbsent(from + "->" + to,
        key -> new PhaseBank((int) phases, advance, scale));
  }

  private static long gcd(long a, long b) {
    while (b != 0) {
      long t = a % b;
      a = b;
      b = t;
    }
    return a;
  }

  /**
   * Exact filters for each of the {@code phases} fractional positions that a rational ratio
   * visits: output i sits at input position i·advance/phases.
   */
  private static final class PhaseBank {
    final int phases;
    final long advance;
    final int[] first; // offset of the first tap relative to floor(t)
    final float[][] weights;

    PhaseBank(int phases, long advance, double scale) {
      this.phases = phases;
      this.advance = advance;
      this.first = new int[phases];
      this.weights = new float[phases][];
      double halfWidth = ZERO_CROSSINGS / scale;
      for (int r = 0; r < phases; r++) {
        double frac = r / (double) phases;
        int jmin = (int) Math.ceil(frac - halfWidth);
        int jmax = (int) Math.floor(frac + halfWidth);
        float[] w = new float[jmax - jmin + 1];
        for (int j = jmin; j <= jmax; j++) {
          w[j - jmin] = (float) (scale * kernel((frac - j) * scale));
        }
        first[r] = jmin;
        weights[r] = w;
      }
    }

    void apply(float[] x, float[] y) {
      int n = x.length;
      for (int i = 0; i < y.length; i++) {
        long num = i * advance;
        int base = (int) (num / phases);
        int r = (int) (num % phases);
        float[] w = weights[r];
        int start = base + first[r];
        int kLo = Math.max(0, -start);
        int kHi = Math.min(w.length, n - start);
        double acc = 0;
        for (int k = kLo; k < kHi; k++) {
          acc += x[start + k] * w[k];
        }
        y[i] = (float) acc;
      }
    }
  }
}
