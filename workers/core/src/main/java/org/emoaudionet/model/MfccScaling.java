package org.emoaudionet.model;

import java.util.List;
import org.emoaudionet.features.SegmentFeatures;

/**
 * Standardisation of the MFCC branch input with the training set's mean and standard deviation.
 * The MFCC values are in decibel-like units (tens to hundreds), which with RMSProp's per-weight
 * step makes the first epochs diverge; the image branch is already in [0, 1]. One scalar pair per
 * input channel (not per position) keeps each channel's shape over time intact: with one channel
 * (the paper's input) that is {@link #mean}/{@link #std}; with 13 channels each coefficient gets
 * its own pair ({@link #channelMeans}/{@link #channelStds}), since c0 (log energy) is an order of
 * magnitude larger than the others. Stored in {@code model.json} so prediction applies exactly
 * what training saw.
 */
public record MfccScaling(double mean, double std, double[] channelMeans, double[] channelStds) {
  public static final MfccScaling IDENTITY = new MfccScaling(0, 1);

  public MfccScaling(double mean, double std) {
    this(mean, std, null, null);
  }

  public static MfccScaling fit(List<SegmentFeatures> train, int mfccLength) {
    return fit(train, 1, mfccLength);
  }

  public static MfccScaling fit(Iterable<SegmentFeatures> train, int channels, int mfccLength) {
    double[] sum = new double[channels];
    double[] sumSq = new double[channels];
    long n = 0;
    for (SegmentFeatures s : train) {
      for (int c = 0; c < channels; c++) {
        for (int i = 0; i < mfccLength; i++) {
          double v = s.mfcc()[c * mfccLength + i];
          sum[c] += v;
          sumSq[c] += v * v;
        }
      }
      n += mfccLength;
    }
    if (n == 0) return IDENTITY;
    double[] means = new double[channels];
    double[] stds = new double[channels];
    for (int c = 0; c < channels; c++) {
      means[c] = sum[c] / n;
      double sd = Math.sqrt(Math.max(0, sumSq[c] / n - means[c] * means[c]));
      stds[c] = sd < 1e-6 ? 1 : sd;
    }
    if (channels == 1) return new MfccScaling(means[0], stds[0]);
    return new MfccScaling(0, 1, means, stds);
  }

  public float apply(float v) {
    return (float) ((v - mean) / std);
  }

  /** Value {@code v} of input channel {@code channel}. */
  public float apply(int channel, float v) {
    if (channelMeans == null) return apply(v);
    return (float) ((v - channelMeans[channel]) / channelStds[channel]);
  }
}
