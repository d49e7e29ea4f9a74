package org.emoaudionet.model;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.emoaudionet.features.SegmentFeatures;

/**
 * Network inputs NDList(mfcc [B,C,L], image [B,3,S,S] in [0, 1]) from segment features; C is 1
 * (the paper's per-frame mean) or 13 (one channel per coefficient, stored channel-major).
 */
public final class InputBatch {
  private InputBatch() {}

  /** Single-channel MFCC input (the paper's). */
  public static NDList of(List<SegmentFeatures> segments, int mfccLength, int imageSize,
      MfccScaling scaling, NDManager manager) {
    return of(segments, 1, mfccLength, imageSize, scaling, manager);
  }

  public static NDList of(List<SegmentFeatures> segments, int mfccChannels, int mfccLength,
      int imageSize, MfccScaling scaling, NDManager manager) {
    return of(segments, mfccChannels, mfccLength, imageSize, scaling, null, manager);
  }

  /**
   * @param shifts per segment a circular shift in MFCC frames, applied to both inputs (the image
   *     columns by the same share of its width: since the image shows only the centre 12/19 of
   *     the window, the two branches move by different spans of time), or null for none: the
   *     training-time shift that teaches the position-dependent Linear after the poolings that a
   *     cue may come at any time
   */
  public static NDList of(List<SegmentFeatures> segments, int mfccChannels, int mfccLength,
      int imageSize, MfccScaling scaling, int[] shifts, NDManager manager) {
    return arrays(segments, mfccChannels, mfccLength, imageSize, scaling, shifts).create(manager);
  }

  /**
   * A batch's inputs as Java arrays, before they become NDArrays: where training-time masking
   * ({@code SpecAugment}) edits them in place.
   *
   * @param mfcc {@code [batch, mfccChannels, mfccLength]}, standardised
   * @param image {@code [batch, 3, imageSize, imageSize]} in [0, 1]; rows are frequency, columns time
   */
  public record Arrays(float[] mfcc, float[] image, int batch, int mfccChannels, int mfccLength, int imageSize) {
    public NDList create(NDManager manager) {
      return new NDList(manager.create(mfcc, new Shape(batch, mfccChannels, mfccLength)),
          manager.create(image, new Shape(batch, 3, imageSize, imageSize)));
    }
  }

  public static Arrays arrays(List<SegmentFeatures> segments, int mfccChannels, int mfccLength,
      int imageSize, MfccScaling scaling, int[] shifts) {
    int b = segments.size();
    int pixels = 3 * imageSize * imageSize;
    int values = mfccChannels * mfccLength;
    float[] mfcc = new float[b * values];
    float[] image = new float[b * pixels];
    for (int i = 0; i < b; i++) {
      SegmentFeatures s = segments.get(i);
      float[] m = s.mfcc();
      if (mfccChannels == 1 ? m.length < mfccLength : m.length != values) {
        throw new IllegalArgumentException("segment " + s.recordingId() + "@" + s.startSeconds()
            + ": MFCC input has " + m.length + " values, the network needs " + mfccChannels + " x "
            + mfccLength + (mfccChannels == 1 ? "" : " = " + values)
            + " (preprocess with the model's preset)");
      }
      if (s.image().length != pixels) {
        throw new IllegalArgumentException("segment " + s.recordingId() + "@" + s.startSeconds()
            + ": image has " + s.image().length + " bytes, the network needs 3x" + imageSize + "x"
            + imageSize + " = " + pixels);
      }
      int off = i * values;
      int shift = shifts == null ? 0 : Math.floorMod(shifts[i], mfccLength);
      for (int c = 0; c < mfccChannels; c++) {
        for (int j = 0; j < mfccLength; j++) {
          mfcc[off + c * mfccLength + j] = scaling.apply(c, m[c * mfccLength + (j + shift) % mfccLength]);
        }
      }
      byte[] img = s.image();
      int ioff = i * pixels;
      if (shift == 0) {
        for (int j = 0; j < pixels; j++) image[ioff + j] = (img[j] & 0xff) / 255f;
      } else {
        int cols = (int) Math.round((double) shift * imageSize / mfccLength) % imageSize;
        for (int row = 0; row < 3 * imageSize; row++) {
          int base = row * imageSize;
          for (int x = 0; x < imageSize; x++) {
            image[ioff + base + x] = (img[base + (x + cols) % imageSize] & 0xff) / 255f;
          }
        }
      }
    }
    return new Arrays(mfcc, image, b, mfccChannels, mfccLength, imageSize);
  }
}
