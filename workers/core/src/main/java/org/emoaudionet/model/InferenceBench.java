package org.emoaudionet.model;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import java.util.List;
import java.util.Locale;
import org.emoaudionet.config.PipelineConfig;
import org.emoaudionet.data.TaskSpec;
import org.emoaudionet.features.SegmentFeatures;
import org.emoaudionet.spec.Architecture;
import org.emoaudionet.train.TrainBench;

/**
 * Inference throughput of EmoAudioNet on random inputs through the serving path's forward
 * ({@link ScoringModel#predict}: batch assembly, forward without dropout, softmax, copy out), at
 * the preset's sizes. Not a test; {@code ./emo bench} prints it next to the peers' figures.
 */
public final class InferenceBench {
  private InferenceBench() {}

  /** One measured configuration. */
  public record Result(String preset, int batch, int steps, double seconds, String device) {
    public double samplesPerSecond() {
      return batch * steps / seconds;
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "%-6s inference batch %3d, %3d steps on %s: %8.1f"
          + " samples/s (%.3f s/batch)", preset, batch, steps, device, samplesPerSecond(),
          seconds / steps);
    }
  }

  /**
   * Warm-up batches for at least {@link TrainBench#WARM_UP_NANOS} (one at least), then {@code steps}
   * timed batches of {@code batch} segments.
   */
  public static Result measure(PipelineConfig config, int batch, int steps) {
    List<SegmentFeatures> data = TrainBench.randomBatch(config, batch);
    try (ScoringModel model = model(config, NDManager.newBaseManager(Devices.preferred()))) {
      TrainBench.warmUp(() -> model.predict(data));
      long t0 = System.nanoTime();
      for (int i = 0; i < steps; i++) model.predict(data);
      return new Result(config.preset(), batch, steps, (System.nanoTime() - t0) / 1e9,
          Devices.preferred().toString());
    }
  }

  /**
   * A freshly initialised model of the preset (weights do not change the cost); it owns
   * {@code manager} and closes it.
   */
  public static ScoringModel model(PipelineConfig config, NDManager manager) {
    Engine.getInstance().setRandomSeed(1);
    int classes = TrainBench.CLASSES;
    List<String> names = java.util.stream.IntStream.range(0, classes).mapToObj(i -> "c" + i).toList();
    EmoAudioNetBlock block = EmoAudioNetFactory.buildInitialized(Architecture.EMOAUDIONET,
        config.model(), classes, EmoAudioNetFactory.MFCC_LENGTH, manager);
    ModelManifest manifest = new ModelManifest(Architecture.EMOAUDIONET,
        TaskSpec.categorical("bench", names), config, EmoAudioNetFactory.MFCC_LENGTH, 0, 0, 0,
        "bench", MfccScaling.IDENTITY);
    return TrainedModel.fromBlock(manifest, block, manager);
  }
}
