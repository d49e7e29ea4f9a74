package org.emoaudionet.model;

import ai.djl.ndarray.NDManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.emoaudionet.config.PipelineConfig;
import org.emoaudionet.data.Split;
import org.emoaudionet.data.TaskSpec;
import org.emoaudionet.features.SegmentFeatures;
import org.emoaudionet.spec.Architecture;

/**
 * Load and predict times of the Keras SavedModel fixture (TensorFlow engine) against a
 * TrainedModel of the same preset (PyTorch engine): a bench figure for NOTES, not a test. Run:
 * {@code java -cp target/test-classes:target/classes:target/lib/* -DTENSORFLOW_LIBRARY_PATH=...
 * org.emoaudionet.model.ScoringModelBench}.
 */
public final class ScoringModelBench {
  private static final int REPEATS = 5;

  public static void main(String[] args) throws Exception {
    List<SegmentFeatures> eight = KerasFixture.segments(Split.TEST, new int[8]);
    List<SegmentFeatures> batch = new ArrayList<>();
    for (int i = 0; i < 8; i++) batch.addAll(eight);
    Path trained = Files.createTempDirectory("bench-trained").resolve("model");
    PipelineConfig small = PipelineConfig.small();
    try (NDManager manager = NDManager.newBaseManager()) {
      EmoAudioNetBlock block = EmoAudioNetFactory.buildInitialized(Architecture.EMOAUDIONET, small.model(),
          4, KerasFixture.MFCC_LENGTH, manager);
      TrainedModel.save(trained, new ModelManifest(Architecture.EMOAUDIONET,
          TaskSpec.categorical("label", List.of("angry", "happy", "neutral", "sad")), small,
          KerasFixture.MFCC_LENGTH, 1, 0, 0, "bench", MfccScaling.IDENTITY), block);
    }
    bench("keras (TensorFlow)", KerasFixture.modelDir(), eight, batch);
    bench("trained (PyTorch)", trained, eight, batch);
    float[][] expected = KerasFixture.expected();
    try (ScoringModel m = ScoringModels.load(KerasFixture.modelDir())) {
      float[][] got = m.predict(eight);
      double max = 0;
      for (int i = 0; i < got.length; i++) {
        for (int j = 0; j < got[i].length; j++) max = Math.max(max, Math.abs(got[i][j] - expected[i][j]));
      }
      System.out.printf("keras vs Keras .npy: max abs diff %.3g%n", max);
    }
  }

  private static void bench(String name, Path dir, List<SegmentFeatures> small, List<SegmentFeatures> big)
      throws Exception {
    double[] load = new double[REPEATS];
    double[] p8 = new double[REPEATS];
    double[] p64 = new double[REPEATS];
    for (int r = 0; r < REPEATS; r++) {
      long t0 = System.nanoTime();
      try (ScoringModel m = ScoringModels.load(dir)) {
        long t1 = System.nanoTime();
        m.predict(small);
        long t2 = System.nanoTime();
        m.predict(big);
        long t25 = System.nanoTime();
        m.predict(big);
        long t3 = System.nanoTime();
        load[r] = (t1 - t0) / 1e6;
        p8[r] = (t2 - t1) / 1e6;
        p64[r] = (t3 - t25) / 1e6;
      }
    }
    // The first load in a JVM includes the engine's natives; the first predict after a load
    // includes the engine's graph preparation; the 64-segment figure is a warmed-up call.
    System.out.printf("%-20s load: first %6.0f ms, then median %5.0f ms | first predict (8 segments)"
        + " median %6.1f ms | warm predict (64 segments) median %6.1f ms%n", name, load[0],
        median(load, 1), median(p8, 0), median(p64, 0));
  }

  private static double median(double[] a, int skip) {
    double[] b = Arrays.copyOfRange(a, skip, a.length);
    Arrays.sort(b);
    return b[b.length / 2];
  }
}
