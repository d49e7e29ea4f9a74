package org.emoaudionet.model;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.emoaudionet.features.SegmentFeatures;

/** Network inputs NDList(mfcc [B,1,L], image [B,3,S,S] in [0, 1]) from segment features. */
public final class InputBatch {
  private InputBatch() {}

  public static NDList of(List<SegmentFeatures> segments, int mfccLength, int imageSize,
      MfccScaling scaling, NDManager manager) {
    int b = segments.size();
    int pixels = 3 * imageSize * imageSize;
    float[] mfcc = new float[b * mfccLength];
    float[] image = new float[b * pixels];
    for (int i = 0; i < b; i++) {
      SegmentFeatures s = segments.get(i);
      if (s.mfcc().length < mfccLength) {
        throw new IllegalArgumentException("segment " + s.recordingId() + "@" + s.startSeconds()
            + ": MFCC vector has " + s.mfcc().length + " values, the network needs " + mfccLength);
      }
      if (s.image().length != pixels) {
        throw new IllegalArgumentException("segment " + s.recordingId() + "@" + s.startSeconds()
            + ": image has " + s.image().length + " bytes, the network needs 3x" + imageSize + "x"
            + imageSize + " = " + pixels);
      }
      for (int j = 0; j < mfccLength; j++) mfcc[i * mfccLength + j] = scaling.apply(s.mfcc()[j]);
      byte[] img = s.image();
      int off = i * pixels;
      for (int j = 0; j < pixels; j++) image[off + j] = (img[j] & 0xff) / 255f;
    }
    return new NDList(manager.create(mfcc, new Shape(b, 1, mfccLength)),
        manager.create(image, new Shape(b, 3, imageSize, imageSize)));
  }
}
