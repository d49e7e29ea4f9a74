package org.emoaudionet.worker;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.emoaudionet.data.Split;
import org.emoaudionet.data.TaskSpec;
import org.emoaudionet.features.FeatureSet;
import org.emoaudionet.features.SegmentFeatures;

/** A SYNTHETIC two-class feature set (64x64 images, 177 MFCC frames) separable by design. */
final class SyntheticFeatures {
  private SyntheticFeatures() {}

  static FeatureSet twoClasses(int n, long seed) {
    Random r = new Random(seed);
    List<SegmentFeatures> segs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int cls = i % 2;
      Split sp = i < n * 2 / 3 ? Split.TRAIN : i < n * 4 / 5 ? Split.VAL : Split.TEST;
      float[] mfcc = new float[177];
      for (int j = 0; j < mfcc.length; j++) mfcc[j] = (float) (cls * 2 - 1 + r.nextGaussian() * 0.3);
      byte[] img = new byte[3 * 64 * 64];
      for (int j = 0; j < img.length; j++) img[j] = (byte) (cls * 120 + r.nextInt(60));
      segs.add(new SegmentFeatures("rec" + i, "spk" + (i % 10), 0, sp, cls, cls, mfcc, img,
          "synthetic"));
    }
    return new FeatureSet(new TaskSpec("label", List.of("a", "b"), null, null), 64, 177, segs);
  }
}
