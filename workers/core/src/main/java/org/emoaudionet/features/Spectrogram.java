package org.emoaudionet.features;

import org.emoaudionet.audio.Fft;

/**
 * The spectrogram branch's power spectral density in dB: {@code 10 * log10(Pxx)} with {@code
 * Pxx} from {@code matplotlib.mlab.specgram(x, NFFT=256, Fs=sr, noverlap=128)} and its other
 * defaults, which is what {@code plt.specgram(x, Fs=sr)} draws.
 *
 * <p>mlab's defaults, reproduced: window {@code window_hanning} = {@code np.hanning(256)}, the
 * SYMMETRIC Hann ({@code 0.5 - 0.5 cos(2 pi n / 255)}); no detrending; frames start every
 * {@code 256 - 128 = 128} samples with no centring, so there are {@code (len - 256) / 128 + 1} of
 * them (a signal shorter than 256 samples is zero-padded to 256 first); {@code mode='psd'}
 * one-sided: {@code |X_k|^2} for {@code k = 0..128}, bins 1..127 doubled (not DC, not Nyquist),
 * all divided by {@code Fs * sum(window^2)} ({@code scale_by_freq=True}).
 *
 * <p>Log of zero: matplotlib computes {@code 10*log10(0) = -inf} there, which makes its own
 * colour normalisation ({@code Normalize} over min..max) produce NaN for the whole image. We
 * floor {@code Pxx} at {@link #PSD_FLOOR} = 1e-20 (-200 dB) before the log. Real recordings
 * and any signal with noise never reach it (float32 rounding alone sits far above), so the
 * floor only affects exact digital silence, where it keeps the image finite.
 *
 * <p>An instance owns its work buffers: NOT thread-safe, use one per thread.
 */
public final class Spectrogram {
  public static final int NFFT = 256;
  public static final int NOVERLAP = 128;
  public static final int STEP = NFFT - NOVERLAP;
  public static final int FREQS = NFFT / 2 + 1;
  public static final double PSD_FLOOR = 1e-20;

  private final Fft fft = new Fft(NFFT);
  private final double[] window = new double[NFFT];
  private final double windowPower;
  private final double[] frame = new double[NFFT];
  private final double[] power = new double[FREQS];

  public Spectrogram() {
    double s = 0;
    for (int i = 0; i < NFFT; i++) {
      window[i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / (NFFT - 1));
      s += window[i] * window[i];
    }
    windowPower = s;
  }

  /** Number of time columns for {@code samples} samples. */
  public static int columns(int samples) {
    return (Math.max(samples, NFFT) - NFFT) / STEP + 1;
  }

  /**
   * The dB PSD matrix, {@code [129 frequencies, low first][columns(x.length) times]}.
   *
   * @throws IllegalArgumentException for an empty signal, a NaN or infinite sample, or a
   *     non-positive sample rate
   */
  public double[][] psdDb(float[] x, int sampleRate) {
    Signals.requireFinite(x, "spectrogram");
    if (sampleRate <= 0) throw new IllegalArgumentException("sampleRate must be > 0, got " + sampleRate);
    int cols = columns(x.length);
    double[][] out = new double[FREQS][cols];
    double norm = 1.0 / (sampleRate * windowPower);
    for (int c = 0; c < cols; c++) {
      int start = c * STEP;
      for (int i = 0; i < NFFT; i++) {
        int j = start + i;
        frame[i] = j < x.length ? window[i] * x[j] : 0.0;
      }
      fft.powerSpectrum(frame, power);
      for (int k = 0; k < FREQS; k++) {
        double p = power[k] * norm;
        if (k != 0 && k != FREQS - 1) p *= 2.0;
        out[k][c] = 10.0 * Math.log10(Math.max(p, PSD_FLOOR));
      }
    }
    return out;
  }
}
