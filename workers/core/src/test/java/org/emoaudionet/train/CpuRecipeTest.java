package org.emoaudionet.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.emoaudionet.config.PipelineConfig;
import org.emoaudionet.features.FeatureSet;
import org.emoaudionet.spec.Architecture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cpu preset's training recipe (selection on validation loss, mixup) with random time
 * shifts switched on too, on SYNTHETIC features at the small preset's sizes: it still learns, stays
 * reproducible and resumes exactly.
 */
class CpuRecipeTest {
  @TempDir static Path tmp;

  @BeforeAll
  static void engine() {
    TestEngine.singleThreaded();
  }

  static PipelineConfig recipe(int epochs) {
    PipelineConfig s = PipelineConfig.small().withEpochs(epochs);
    PipelineConfig.TrainConfig t = s.train();
    PipelineConfig.TrainConfig cpu = PipelineConfig.cpu().train();
    return s.withTrain(new PipelineConfig.TrainConfig(t.learningRate(), t.rho(), t.epsilon(), 16, epochs,
        t.earlyStopPatience(), t.plateauFactor(), t.plateauPatience(), t.minLearningRate(), t.loss(), t.seed(),
        cpu.selectOn(), "none", true, cpu.mixup()));
  }

  @Test
  void learnsIsReproducibleAndResumesExactly() throws Exception {
    FeatureSet data = SyntheticData.make(3, 24, 8, 64, 7);
    PipelineConfig c = recipe(4);
    assertTrue(c.train().mixup() > 0 && c.train().randomShift() && c.train().selectOn().equals("val_loss"));
    TrainResult a = Trainer.train(data, c, Architecture.SPECTROGRAM, tmp.resolve("a"), null, null);
    TrainResult b = Trainer.train(data, c, Architecture.SPECTROGRAM, tmp.resolve("b"), null, null);
    assertEquals(a.history(), b.history(), "same seed, same run");
    EpochMetrics last = a.history().get(a.history().size() - 1);
    assertTrue(a.bestValAccuracy() > 0.6, "3 synthetic classes, chance 0.33: " + a.history());
    assertTrue(Double.isFinite(last.valMacroF1()));
    // Best epoch = lowest validation loss.
    double minLoss = a.history().stream().mapToDouble(EpochMetrics::valLoss).min().orElseThrow();
    assertEquals(minLoss, a.history().get(a.bestEpoch() - 1).valLoss());

    // Stop after 2 epochs, then resume to 4: the same history as the uninterrupted run.
    Trainer.train(data, recipe(2), Architecture.SPECTROGRAM, tmp.resolve("r"), null, null);
    TrainResult resumed = Trainer.train(data, c, Architecture.SPECTROGRAM, tmp.resolve("r"), null, null);
    assertEquals(2, resumed.resumedFromEpoch());
    assertEquals(a.history(), resumed.history());

    TrainResult plain = Trainer.train(data, TrainerTest.small(4), Architecture.SPECTROGRAM, tmp.resolve("p"), null, null);
    assertNotEquals(plain.history(), a.history(), "mixup and shifts change the training");
  }
}
