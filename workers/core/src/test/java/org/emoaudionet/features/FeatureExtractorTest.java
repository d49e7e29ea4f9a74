package org.emoaudionet.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.emoaudionet.config.PipelineConfig;
import org.junit.jupiter.api.Test;

class FeatureExtractorTest {
  @Test
  void shapesFollowThePreset() {
    FeatureExtractor paper = new FeatureExtractor(PipelineConfig.paper());
    float[] y = Reference.signal("vowel_female");
    assertEquals(177, paper.mfcc(y).length);
    assertEquals(3 * 224 * 224, paper.image(y).length);
    FeatureExtractor small = new FeatureExtractor(PipelineConfig.small());
    assertEquals(3 * 64 * 64, small.image(y).length);
    assertArrayEquals(new MfccFeature(44_100, 177).compute(y), small.mfcc(y));
    assertArrayEquals(new SpectrogramImage(44_100, 64).compute(y), small.image(y));
  }

  @Test
  void sameResultsFromManyThreads() throws Exception {
    FeatureExtractor fx = new FeatureExtractor(PipelineConfig.small());
    String[] names = {"vowel_male", "vowel_female", "fricative_burst"};
    List<float[]> signals = new ArrayList<>();
    List<float[]> mfcc = new ArrayList<>();
    List<byte[]> img = new ArrayList<>();
    for (String n : names) {
      float[] y = Reference.signal(n);
      signals.add(y);
      mfcc.add(fx.mfcc(y));
      img.add(fx.image(y));
    }
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      List<Future<?>> jobs = new ArrayList<>();
      for (int j = 0; j < 9; j++) {
        int k = j % names.length;
        jobs.add(pool.submit(() -> {
          assertArrayEquals(mfcc.get(k), fx.mfcc(signals.get(k)));
          assertArrayEquals(img.get(k), fx.image(signals.get(k)));
          return null;
        }));
      }
      for (Future<?> f : jobs) f.get();
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void badConfigFailsAtConstruction() {
    assertThrows(IllegalArgumentException.class, () -> new FeatureExtractor(44_100, 177, 0));
    assertThrows(IllegalArgumentException.class, () -> new FeatureExtractor(0, 177, 64));
  }
}
