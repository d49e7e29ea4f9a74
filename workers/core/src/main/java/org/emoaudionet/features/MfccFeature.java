package org.emoaudionet.features;

import org.emoaudionet.audio.Fft;

/**
 * The MFCC branch input: {@code librosa.feature.mfcc(y=y, sr=sr, n_mfcc=13)} with librosa's
 * defaults, averaged over the 13 coefficients of each frame, as the authors' code did
 * ({@code np.mean(mfcc, axis=0)}), first {@code frames} frames.
 *
 * <p>The steps, all from librosa >= 0.10: frames of {@code n_fft = 2048} samples every
 * {@code hop = 512}, centred ({@code center=True}: {@code n_fft/2} zeros on both sides,
 * {@code pad_mode='constant'}, giving {@code 1 + len/512} frames); periodic Hann window
 * ({@code scipy.signal.get_window('hann', 2048, fftbins=True)}); power spectrum {@code |X|^2};
 * 128 Slaney mel bands to {@code sr/2} ({@link MelFilterbank}); {@code power_to_db} with
 * {@code ref=1, amin=1e-10, top_db=80} (the 80 dB floor is relative to the maximum over the
 * whole segment, all frames, so every frame is computed even when fewer are kept); DCT-II with
 * {@code norm='ortho'}, first 13 rows. Computed in double precision (librosa works in float32;
 * the two agree to ~1e-5 relative).
 *
 * <p>An instance owns its work buffers: NOT thread-safe, use one per thread (see {@link
 * FeatureExtractor}).
 */
public final class MfccFeature {
  public static final int N_FFT = 2048;
  public static final int HOP = 512;
  public static final int N_MELS = 128;
  public static final int N_MFCC = 13;
  public static final double AMIN = 1e-10;
  public static final double TOP_DB = 80.0;

  private final int sampleRate;
  private final int frames;
  private final Fft fft = new Fft(N_FFT);
  private final MelFilterbank mel;
  private final double[] window = new double[N_FFT];
  /** DCT-II ortho basis, N_MFCC x N_MELS. */
  private final double[][] dct = new double[N_MFCC][N_MELS];
  /** Mean of the first N_MFCC DCT rows: the averaged coefficient is one dot product. */
  private final double[] dctMean = new double[N_MELS];
  private final double[] frame = new double[N_FFT];
  private final double[] power = new double[N_FFT / 2 + 1];
  private final double[] melOut = new double[N_MELS];
  private double[] logMel = new double[0];

  /**
   * @param sampleRate the segment's sample rate (44100 in the paper)
   * @param frames the number of per-frame means {@link #compute} returns (177 in the paper)
   */
  public MfccFeature(int sampleRate, int frames) {
    if (sampleRate <= 0) throw new IllegalArgumentException("sampleRate must be > 0, got " + sampleRate);
    if (frames <= 0) throw new IllegalArgumentException("frames must be > 0, got " + frames);
    this.sampleRate = sampleRate;
    this.frames = frames;
    this.mel = new MelFilterbank(sampleRate, N_FFT, N_MELS);
    for (int i = 0; i < N_FFT; i++) window[i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / N_FFT);
    for (int k = 0; k < N_MFCC; k++) {
      double scale = Math.sqrt((k == 0 ? 1.0 : 2.0) / N_MELS);
      for (int m = 0; m < N_MELS; m++) {
        dct[k][m] = scale * Math.cos(Math.PI * k * (2 * m + 1) / (2.0 * N_MELS));
        dctMean[m] += dct[k][m] / N_MFCC;
      }
    }
  }

  public int sampleRate() {
    return sampleRate;
  }

  public int frames() {
    return frames;
  }

  /** Number of STFT frames librosa makes for {@code samples} samples: {@code 1 + samples / 512}. */
  public static int frameCount(int samples) {
    return 1 + samples / HOP;
  }

  /** The full {@code 13 x T} MFCC matrix, {@code T = 1 + y.length / 512}, as librosa returns it. */
  public double[][] mfcc(float[] y) {
    int t = logMelDb(y);
    double[][] out = new double[N_MFCC][t];
    for (int f = 0; f < t; f++) {
      int base = f * N_MELS;
      for (int k = 0; k < N_MFCC; k++) {
        double[] d = dct[k];
        double s = 0;
        for (int m = 0; m < N_MELS; m++) s += d[m] * logMel[base + m];
        out[k][f] = s;
      }
    }
    return out;
  }

  /**
   * The network input: per frame the mean of the 13 MFCCs, the first {@code frames} frames,
   * zero-padded at the end when the segment has fewer.
   */
  public float[] compute(float[] segment) {
    int t = logMelDb(segment);
    float[] out = new float[frames];
    int n = Math.min(t, frames);
    for (int f = 0; f < n; f++) {
      int base = f * N_MELS;
      double s = 0;
      for (int m = 0; m < N_MELS; m++) s += dctMean[m] * logMel[base + m];
      out[f] = (float) s;
    }
    return out;
  }

  /**
   * The input with one channel per coefficient: channel-major {@code 13 x frames} (coefficient k's
   * frames at {@code k * frames}), zero-padded at the end when the segment has fewer frames.
   */
  public float[] computeChannels(float[] segment) {
    int t = logMelDb(segment);
    float[] out = new float[N_MFCC * frames];
    int n = Math.min(t, frames);
    for (int f = 0; f < n; f++) {
      int base = f * N_MELS;
      for (int k = 0; k < N_MFCC; k++) {
        double[] d = dct[k];
        double s = 0;
        for (int m = 0; m < N_MELS; m++) s += d[m] * logMel[base + m];
        out[k * frames + f] = (float) s;
      }
    }
    return out;
  }

  /** Fills {@link #logMel} (frame-major, T x 128) with the clamped dB mel spectrogram; returns T. */
  private int logMelDb(float[] y) {
    Signals.requireFinite(y, "MFCC");
    int t = frameCount(y.length);
    if (logMel.length < t * N_MELS) logMel = new double[t * N_MELS];
    double max = Double.NEGATIVE_INFINITY;
    int pad = N_FFT / 2;
    for (int f = 0; f < t; f++) {
      int start = f * HOP - pad; // index into y of frame sample 0
      for (int i = 0; i < N_FFT; i++) {
        int j = start + i;
        frame[i] = j >= 0 && j < y.length ? window[i] * y[j] : 0.0;
      }
      fft.powerSpectrum(frame, power);
      mel.apply(power, melOut);
      int base = f * N_MELS;
      for (int m = 0; m < N_MELS; m++) {
        double db = 10.0 * Math.log10(Math.max(AMIN, melOut[m]));
        logMel[base + m] = db;
        if (db > max) max = db;
      }
    }
    double floor = max - TOP_DB;
    for (int i = 0, n = t * N_MELS; i < n; i++) if (logMel[i] < floor) logMel[i] = floor;
    return t;
  }

}
