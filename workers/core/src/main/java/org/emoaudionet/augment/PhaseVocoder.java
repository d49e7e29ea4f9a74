package org.emoaudionet.augment;

import org.emoaudionet.audio.Fft;

/**
 * librosa's {@code effects.time_stretch}: centred STFT (zero padding of n_fft/2 each side,
 * periodic Hann window), {@code core.phase_vocoder} (magnitudes interpolated between neighbouring
 * frames, phases accumulated from each bin's measured phase advance), inverse STFT by weighted
 * overlap-add normalised by the summed squared window, cut to {@code round(n / rate)} samples.
 * {@code rate > 1} makes the signal shorter (faster), {@code rate < 1} longer.
 */
final class PhaseVocoder {
  static final int N_FFT = 2048;
  static final int HOP = 512;
  private static final int BINS = N_FFT / 2 + 1;
  private static final double[] WINDOW = hann(N_FFT);

  private PhaseVocoder() {}

  static float[] timeStretch(float[] x, double rate) {
    int outLen = (int) Math.rint(x.length / rate); // Python round(): half to even
    if (x.length == 0 || outLen == 0) {
      return new float[outLen];
    }
    double[][][] stft = stft(x); // [frame][re|im][bin]
    int frames = stft.length;
    int outFrames = (int) Math.ceil(frames / rate);
    double[] phiAdvance = new double[BINS];
    double[] phaseAcc = new double[BINS];
    for (int k = 0; k < BINS; k++) {
      phiAdvance[k] = Math.PI * HOP * k / (BINS - 1); // np.linspace(0, pi*hop, bins)
      phaseAcc[k] = Math.atan2(stft[0][1][k], stft[0][0][k]);
    }
    double[][][] out = new double[outFrames][2][BINS];
    for (int t = 0; t < outFrames; t++) {
      double step = t * rate;
      int i0 = (int) step;
      double alpha = step - i0;
      double[][] c0 = column(stft, i0);
      double[][] c1 = column(stft, i0 + 1);
      for (int k = 0; k < BINS; k++) {
        double m0 = Math.hypot(c0[0][k], c0[1][k]);
        double m1 = Math.hypot(c1[0][k], c1[1][k]);
        double mag = (1 - alpha) * m0 + alpha * m1;
        out[t][0][k] = mag * Math.cos(phaseAcc[k]);
        out[t][1][k] = mag * Math.sin(phaseAcc[k]);
        double dphase = Math.atan2(c1[1][k], c1[0][k]) - Math.atan2(c0[1][k], c0[0][k])
            - phiAdvance[k];
        dphase -= 2 * Math.PI * Math.rint(dphase / (2 * Math.PI));
        phaseAcc[k] += phiAdvance[k] + dphase;
      }
    }
    return istft(out, outLen);
  }

  /** Columns past the end are zero, as librosa pads the STFT with two empty frames. */
  private static double[][] column(double[][][] stft, int i) {
    return i < stft.length ? stft[i] : new double[2][BINS];
  }

  private static double[][][] stft(float[] x) {
    int pad = N_FFT / 2;
    int frames = 1 + x.length / HOP; // librosa, centred: 1 + (n + 2·pad - n_fft) // hop
    double[][][] s = new double[frames][][];
    double[] re = new double[N_FFT];
    double[] im = new double[N_FFT];
    for (int f = 0; f < frames; f++) {
      int start = f * HOP - pad;
      for (int i = 0; i < N_FFT; i++) {
        int j = start + i;
        re[i] = j >= 0 && j < x.length ? x[j] * WINDOW[i] : 0;
        im[i] = 0;
      }
      Fft.forward(re, im);
      s[f] = new double[][] {
        java.util.Arrays.copyOf(re, BINS), java.util.Arrays.copyOf(im, BINS)
      };
    }
    return s;
  }

  private static float[] istft(double[][][] spec, int length) {
    int pad = N_FFT / 2;
    int total = N_FFT + HOP * (spec.length - 1);
    double[] y = new double[total];
    double[] norm = new double[total];
    double[] re = new double[N_FFT];
    double[] im = new double[N_FFT];
    for (int f = 0; f < spec.length; f++) {
      for (int k = 0; k < BINS; k++) {
        re[k] = spec[f][0][k];
        im[k] = spec[f][1][k];
      }
      im[0] = 0;
      im[BINS - 1] = 0;
      for (int k = BINS; k < N_FFT; k++) { // Hermitian symmetry: the inverse is real
        re[k] = re[N_FFT - k];
        im[k] = -im[N_FFT - k];
      }
      Fft.inverse(re, im);
      int start = f * HOP;
      for (int i = 0; i < N_FFT; i++) {
        y[start + i] += re[i] * WINDOW[i];
        norm[start + i] += WINDOW[i] * WINDOW[i];
      }
    }
    float[] out = new float[length];
    for (int i = 0; i < length; i++) {
      int j = i + pad;
      if (j < total) {
        out[i] = (float) (norm[j] > 1e-10 ? y[j] / norm[j] : y[j]);
      }
    }
    return out;
  }

  /** Periodic Hann (scipy {@code get_window('hann', n, fftbins=True)}). */
  private static double[] hann(int n) {
    double[] w = new double[n];
    for (int i = 0; i < n; i++) {
      w[i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / n);
    }
    return w;
  }
}
