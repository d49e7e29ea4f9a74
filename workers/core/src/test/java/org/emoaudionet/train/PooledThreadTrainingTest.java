package org.emoaudionet.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.emoaudionet.config.PipelineConfig;
import org.emoaudionet.features.FeatureSet;
import org.emoaudionet.spec.Architecture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Workers train on pooled threads, where PyTorch's autograd switch starts on. */
class PooledThreadTrainingTest {
  @TempDir Path tmp;

  @Test
  void trainsOnAFreshThread() throws Exception {
    ai.djl.engine.Engine.getInstance(); // loaded here, so the pool thread is not the loading thread
    PipelineConfig cfg = PipelineConfig.small().withEpochs(1);
    FeatureSet data = SyntheticData.make(2, 24, 8, 64, 1);
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      TrainResult r = pool.submit(() -> Trainer.train(data, cfg, Architecture.EMOAUDIONET,
          tmp.resolve("run"), null, TrainingListener.NONE)).get();
      assertTrue(r.history().size() == 1 && Double.isFinite(r.history().get(0).trainLoss()));
    } finally {
      pool.shutdownNow();
    }
  }
}
