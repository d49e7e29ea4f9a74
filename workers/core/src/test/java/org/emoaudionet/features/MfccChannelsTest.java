package org.emoaudionet.features;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MfccChannelsTest {
  @Test
  void theThirteenChannelsAverageToThePapersInput() {
    int sr = 16_000;
    float[] y = new float[40_000];
    java.util.Random r = new java.util.Random(3);
    for (int i = 0; i < y.length; i++) {
      y[i] = (float) (0.3 * Math.sin(2 * Math.PI * 220 * i / sr) + 0.05 * r.nextGaussian());
    }
    MfccFeature f = new MfccFeature(sr, 79);
    float[] mean = f.compute(y);
    float[] channels = f.computeChannels(y);
    assertEquals(13 * 79, channels.length);
    double[][] full = f.mfcc(y);
    for (int t = 0; t < 79; t++) {
      double s = 0;
      for (int k = 0; k < 13; k++) {
        s += channels[k * 79 + t];
        assertEquals(full[k][t], channels[k * 79 + t], 1e-3 * Math.max(1, Math.abs(full[k][t])));
      }
      assertEquals(mean[t], s / 13, 1e-3 * Math.max(1, Math.abs(mean[t])));
    }
  }

  @Test
  void theExtractorGivesChannelMajorVectorsWhenAsked() {
    FeatureExtractor fx = new FeatureExtractor(16_000, 79, 64, 13);
    assertEquals(13 * 79, fx.mfcc(new float[40_000]).length);
    assertEquals(79, new FeatureExtractor(16_000, 79, 64).mfcc(new float[40_000]).length);
  }
}
