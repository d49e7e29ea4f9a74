package org.emoaudionet.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.emoaudionet.data.Split;
import org.emoaudionet.data.TaskSpec;
import org.emoaudionet.features.FeatureSet;
import org.emoaudionet.features.SegmentFeatures;

/**
 * SYNTHETIC feature sets for tests: class c has an MFCC vector with a sine of frequency c+1 and
 * an image with a bright horizontal band at a class-dependent height, both under Gaussian noise.
 */
final class SyntheticData {
  static final int MFCC = 177;

  private SyntheticData() {}

  static FeatureSet make(int classes, int trainPerClass, int valPerClass, int imageSize, long seed) {
    Random r = new Random(seed);
    List<String> names = new ArrayList<>();
    for (int c = 0; c < classes; c++) names.add("class" + c);
    List<SegmentFeatures> segs = new ArrayList<>();
    for (int c = 0; c < classes; c++) {
      for (int i = 0; i < trainPerClass + valPerClass; i++) {
        Split split = i < trainPerClass ? Split.TRAIN : Split.VAL;
        segs.add(segment(r, c, classes, i, imageSize, split));
      }
    }
    return new FeatureSet(TaskSpec.categorical("synthetic", names), imageSize, MFCC, segs);
  }

  static SegmentFeatures segment(Random r, int c, int classes, int i, int size, Split split) {
    float[] mfcc = new float[MFCC];
    for (int j = 0; j < MFCC; j++) {
      mfcc[j] = (float) (Math.sin(2 * Math.PI * (c + 1) * j / MFCC) + 0.5 * r.nextGaussian());
    }
    byte[] img = new byte[3 * size * size];
    int band = size / classes;
    for (int ch = 0; ch < 3; ch++) {
      for (int y = 0; y < size; y++) {
        boolean in = y / band == c;
        for (int x = 0; x < size; x++) {
          double v = (in ? 180 : 60) + 40 * r.nextGaussian();
          img[(ch * size + y) * size + x] = (byte) Math.max(0, Math.min(255, (int) v));
        }
      }
    }
    return new SegmentFeatures("rec" + c + "-" + i, "spk" + (i % 5), 0.5 * i, split, c, Double.NaN,
        mfcc, img, "original");
  }
}
