package org.emoaudionet.features;

import org.emoaudionet.data.Split;

/**
 * The network inputs of one 2.5 s segment and its labels.
 *
 * @param mfcc the MFCC branch input (177 values)
 * @param image the spectrogram image, RGB, channel-major (3 x size x size), 0..255 as the
 *     original code's PNG files held it; {@link #imageAsFloats()} gives [0, 1]
 * @param classIndex the target class
 * @param target the continuous target (bin mean for RECOLA, score for PHQ-8), NaN if none
 * @param origin {@code original}, or the augmentation that made it ({@code noise:0.01},
 *     {@code pitch:-2.0})
 */
public record SegmentFeatures(
    String recordingId,
    String speaker,
    double startSeconds,
    Split split,
    int classIndex,
    double target,
    float[] mfcc,
    byte[] image,
    String origin) implements SegmentLabels {

  public float[] imageAsFloats() {
    float[] out = new float[image.length];
    for (int i = 0; i < image.length; i++) out[i] = (image[i] & 0xff) / 255f;
    return out;
  }

  public SegmentFeatures withSplit(Split s) {
    return new SegmentFeatures(recordingId, speaker, startSeconds, s, classIndex, target, mfcc, image, origin);
  }
}
