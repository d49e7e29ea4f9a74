package org.emoaudionet.model;

import java.util.List;
import org.emoaudionet.features.SegmentFeatures;

/**
 * Standardisation of the MFCC branch input with the training set's mean and standard deviation.
 * The MFCC-mean vector is in decibel-like units (tens to hundreds), which with RMSProp's
 * per-weight step makes the first epochs diverge; the image branch is already in [0, 1]. One
 * scalar pair (not per position) keeps the vector's shape over time intact. Stored in
 * {@code model.json} so prediction applies exactly what training saw.
 */
public record MfccScaling(double mean, double std) {
  public static final MfccScaling IDENTITY = new MfccScaling(0, 1);

  public static MfccScaling fit(List<SegmentFeatures> train, int mfccLength) {
    double sum = 0, sumSq = 0;
    long n = 0;
    for (SegmentFeatures s : train) {
      for (int i = 0; i < mfccLength; i++) {
        double v = s.mfcc()[i];
        sum += v;
        sumSq += v * v;
        n++;
      }
    }
    if (n == 0) return IDENTITY;
    double mean = sum / n;
    double var = Math.max(0, sumSq / n - mean * mean);
    double std = Math.sqrt(var);
    return new MfccScaling(mean, std < 1e-6 ? 1 : std);
  }

  public float apply(float v) {
    return (float) ((v - mean) / std);
  }
}
