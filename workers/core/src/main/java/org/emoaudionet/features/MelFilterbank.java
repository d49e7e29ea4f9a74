package org.emoaudionet.features;

/**
 * The mel filterbank of {@code librosa.filters.mel(sr=sr, n_fft=nFft, n_mels=nMels)} with its
 * defaults: Slaney's mel scale ({@code htk=False}: linear below 1 kHz, logarithmic above),
 * triangles between consecutive mel points from {@code fmin = 0} to {@code fmax = sr/2}, and
 * {@code norm='slaney'} (each triangle scaled by {@code 2 / (f[i+2] - f[i])}, equal area).
 *
 * <p>Each band is stored sparsely as the FFT-bin range where its weight is non-zero, since a
 * band covers only a few of the {@code nFft/2 + 1} bins. Immutable and thread-safe.
 */
public final class MelFilterbank {
  private static final double F_SP = 200.0 / 3;
  private static final double MIN_LOG_HZ = 1000.0;
  private static final double MIN_LOG_MEL = MIN_LOG_HZ / F_SP;
  private static final double LOG_STEP = Math.log(6.4) / 27.0;

  private final int bins;
  private final int[] first;
  private final double[][] weights;

  public MelFilterbank(double sampleRate, int nFft, int nMels) {
    if (sampleRate <= 0 || nFft < 2 || nMels < 1) {
      throw new IllegalArgumentException("mel filterbank needs sampleRate > 0, nFft >= 2, nMels >= 1; got "
          + sampleRate + ", " + nFft + ", " + nMels);
    }
    bins = nFft / 2 + 1;
    double[] fftFreqs = new double[bins];
    for (int k = 0; k < bins; k++) fftFreqs[k] = k * sampleRate / nFft;
    double[] melF = melFrequencies(nMels + 2, 0.0, sampleRate / 2.0);
    first = new int[nMels];
    weights = new double[nMels][];
    double[] row = new double[bins];
    for (int i = 0; i < nMels; i++) {
      double lowerDiff = melF[i + 1] - melF[i];
      double upperDiff = melF[i + 2] - melF[i + 1];
      double enorm = 2.0 / (melF[i + 2] - melF[i]);
      int lo = bins, hi = -1;
      for (int k = 0; k < bins; k++) {
        double lower = (fftFreqs[k] - melF[i]) / lowerDiff;
        double upper = (melF[i + 2] - fftFreqs[k]) / upperDiff;
        double w = Math.max(0.0, Math.min(lower, upper));
        row[k] = w * enorm;
        if (w > 0) {
          lo = Math.min(lo, k);
          hi = k;
        }
      }
      if (hi < 0) { // a band narrower than one FFT bin: librosa warns and leaves it empty
        first[i] = 0;
        weights[i] = new double[0];
      } else {
        first[i] = lo;
        weights[i] = java.util.Arrays.copyOfRange(row, lo, hi + 1);
      }
    }
  }

  /** Number of mel bands. */
  public int bands() {
    return weights.length;
  }

  /** Number of FFT bins the filterbank expects ({@code nFft/2 + 1}). */
  public int bins() {
    return bins;
  }

  /** Dense weight of band {@code band} at FFT bin {@code bin}, as librosa's matrix holds it. */
  public double weight(int band, int bin) {
    int j = bin - first[band];
    return j >= 0 && j < weights[band].length ? weights[band][j] : 0.0;
  }

  /** {@code out[m] = sum_k W[m][k] * power[k]}. */
  public void apply(double[] power, double[] out) {
    for (int m = 0; m < weights.length; m++) {
      double[] w = weights[m];
      int off = first[m];
      double s = 0;
      for (int j = 0; j < w.length; j++) s += w[j] * power[off + j];
      out[m] = s;
    }
  }

  /** Slaney mel of a frequency in Hz ({@code librosa.hz_to_mel(htk=False)}). */
  public static double hzToMel(double hz) {
    return hz >= MIN_LOG_HZ ? MIN_LOG_MEL + Math.log(hz / MIN_LOG_HZ) / LOG_STEP : hz / F_SP;
  }

  /** Inverse of {@link #hzToMel}. */
  public static double melToHz(double mel) {
    return mel >= MIN_LOG_MEL ? MIN_LOG_HZ * Math.exp(LOG_STEP * (mel - MIN_LOG_MEL)) : F_SP * mel;
  }

  /** {@code librosa.mel_frequencies}: n points evenly spaced in mel between fmin and fmax. */
  static double[] melFrequencies(int n, double fmin, double fmax) {
    double minMel = hzToMel(fmin), maxMel = hzToMel(fmax);
    double[] out = new double[n];
    double step = (maxMel - minMel) / (n - 1);
    for (int i = 0; i < n; i++) out[i] = melToHz(i == n - 1 ? maxMel : minMel + i * step);
    return out;
  }
}
