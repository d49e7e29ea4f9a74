package org.emoaudionet.features;

import org.emoaudionet.config.PipelineConfig;

/**
 * Both EmoAudioNet network inputs of a segment, configured from a {@link PipelineConfig}: the
 * MFCC vector ({@link MfccFeature}, {@code audio.mfccFrames} values at {@code audio.sampleRate})
 * and the spectrogram image ({@link SpectrogramImage}, {@code model.imageSize} square).
 *
 * <p>Thread-safe: the calculators own work buffers, so each simultaneous caller borrows its own
 * from a {@link WorkBufferPool} (as many as callers at once, not one per thread that ever
 * called); workers and the API share one extractor across threads.
 */
public final class FeatureExtractor {
  private final int sampleRate;
  private final int mfccFrames;
  private final int imageSize;
  private final int mfccChannels;
  private final String meanRemoval;
  private final WorkBufferPool<MfccFeature> mfcc;
  private final WorkBufferPool<SpectrogramImage> image;

  public FeatureExtractor(PipelineConfig config) {
    this(config.audio().sampleRate(), config.audio().mfccFrames(), config.model().imageSize(),
        config.model().mfccChannels(), config.audio().mfccMeanRemoval());
  }

  public FeatureExtractor(int sampleRate, int mfccFrames, int imageSize) {
    this(sampleRate, mfccFrames, imageSize, 1);
  }

  /** @param mfccChannels 1 (mean of the 13 MFCCs per frame, the paper) or 13 (each coefficient) */
  public FeatureExtractor(int sampleRate, int mfccFrames, int imageSize, int mfccChannels) {
    this(sampleRate, mfccFrames, imageSize, mfccChannels, "none");
  }

  /**
   * @param meanRemoval per segment, subtract the mean over its frames of: {@code none}; {@code c0}
   *     (the log-energy coefficient: a recording's gain only shifts c0, so this makes the MFCC
   *     input independent of how loud a corpus was recorded, as the min..max-normalised image
   *     already is); {@code all} (cepstral mean normalisation, also removing the channel's and
   *     the speaker's average spectral envelope)
   */
  public FeatureExtractor(int sampleRate, int mfccFrames, int imageSize, int mfccChannels,
      String meanRemoval) {
    this.meanRemoval = meanRemoval;
    if (mfccChannels != 1 && mfccChannels != MfccFeature.N_MFCC) {
      throw new IllegalArgumentException("mfccChannels must be 1 or 13, got " + mfccChannels);
    }
    this.mfccChannels = mfccChannels;
    // Build once here so that bad parameters fail at construction, not in a worker thread.
    MfccFeature m = new MfccFeature(sampleRate, mfccFrames);
    SpectrogramImage s = new SpectrogramImage(sampleRate, imageSize);
    this.sampleRate = sampleRate;
    this.mfccFrames = mfccFrames;
    this.imageSize = imageSize;
    this.mfcc = new WorkBufferPool<>(() -> new MfccFeature(sampleRate, mfccFrames), m);
    this.image = new WorkBufferPool<>(() -> new SpectrogramImage(sampleRate, imageSize), s);
  }

  public int sampleRate() {
    return sampleRate;
  }

  public int mfccFrames() {
    return mfccFrames;
  }

  public int imageSize() {
    return imageSize;
  }

  public int mfccChannels() {
    return mfccChannels;
  }

  /**
   * The MFCC branch input: {@code mfccFrames} per-frame means of 13 MFCCs, or with 13 channels
   * the {@code 13 x mfccFrames} coefficients, channel-major.
   */
  public float[] mfcc(float[] segment) {
    float[] v = mfcc.with(f -> mfccChannels == 1 ? f.compute(segment) : f.computeChannels(segment));
    int rows = meanRemoval.equals("all") ? mfccChannels : meanRemoval.equals("c0") ? 1 : 0;
    for (int c = 0; c < rows; c++) {
      double sum = 0;
      for (int t = 0; t < mfccFrames; t++) sum += v[c * mfccFrames + t];
      float mean = (float) (sum / mfccFrames);
      for (int t = 0; t < mfccFrames; t++) v[c * mfccFrames + t] -= mean;
    }
    return v;
  }

  /** The spectrogram branch input: RGB channel-major, {@code 3 x size x size}, 0..255. */
  public byte[] image(float[] segment) {
    return image.with(f -> f.compute(segment));
  }
}
