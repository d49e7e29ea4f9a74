package org.emoaudionet.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.emoaudionet.config.PipelineConfig;
import org.emoaudionet.data.Split;
import org.emoaudionet.features.FeatureSet;
import org.emoaudionet.features.SegmentFeatures;
import org.emoaudionet.spec.Architecture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Logit adjustment (train.logitAdjustment) and SpecAugment (train.specAugment) in a training on
 * SYNTHETIC features: the offsets are tau x log prior, the run changes, stays reproducible and
 * resumes exactly.
 */
class LogitAdjustmentTest {
  @TempDir static Path tmp;

  @BeforeAll
  static void engine() {
    TestEngine.singleThreaded();
  }

  @Test
  void offsetsAreTauTimesTheLogOfTheTrainingShares() {
    Random r = new Random(2);
    List<SegmentFeatures> train = new ArrayList<>();
    for (int i = 0; i < 40; i++) train.add(SyntheticData.segment(r, i < 30 ? 0 : 1, 3, i, 8, Split.TRAIN));
    float[] o = Trainer.logitOffsets(train, 3, 0.5);
    assertEquals(0.5 * Math.log(30 / 40.0), o[0], 1e-6);
    assertEquals(0.5 * Math.log(10 / 40.0), o[1], 1e-6);
    assertEquals(0.5 * Math.log(1 / 40.0), o[2], 1e-6, "an absent class counts as one segment");
    assertNull(Trainer.logitOffsets(train, 3, 0));
  }

  @Test
  void balancedWeightsWithLogitAdjustmentAreRefused() {
    PipelineConfig.TrainConfig t = PipelineConfig.small().train();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new PipelineConfig.TrainConfig(t.learningRate(), t.rho(), t.epsilon(), t.batchSize(), t.maxEpochs(),
            t.earlyStopPatience(), t.plateauFactor(), t.plateauPatience(), t.minLearningRate(), t.loss(), t.seed(),
            t.selectOn(), "balanced", false, 0, 1.0, PipelineConfig.SpecAugmentConfig.OFF));
    assertTrue(e.getMessage().contains("logitAdjustment"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> t.withLogitAdjustment(-1));
  }

  static PipelineConfig recipe(int epochs) {
    PipelineConfig c = CpuRecipeTest.recipe(epochs);
    return c.withTrain(c.train().withLogitAdjustment(1.0)
        .withSpecAugment(new PipelineConfig.SpecAugmentConfig(2, 0.2, 1, 0.2)));
  }

  @Test
  void adjustedAndMaskedTrainingLearnsIsReproducibleAndResumesExactly() throws Exception {
    FeatureSet data = SyntheticData.make(3, 24, 8, 64, 7);
    TrainResult a = Trainer.train(data, recipe(4), Architecture.SPECTROGRAM, tmp.resolve("a"), null, null);
    TrainResult b = Trainer.train(data, recipe(4), Architecture.SPECTROGRAM, tmp.resolve("b"), null, null);
    assertEquals(a.history(), b.history(), "same seed, same masks");
    assertTrue(a.bestValAccuracy() > 0.6, "3 synthetic classes, chance 0.33: " + a.history());
    Trainer.train(data, recipe(2), Architecture.SPECTROGRAM, tmp.resolve("r"), null, null);
    TrainResult resumed = Trainer.train(data, recipe(4), Architecture.SPECTROGRAM, tmp.resolve("r"), null, null);
    assertEquals(2, resumed.resumedFromEpoch());
    assertEquals(a.history(), resumed.history());
    TrainResult plain = Trainer.train(data, CpuRecipeTest.recipe(4), Architecture.SPECTROGRAM, tmp.resolve("p"), null, null);
    assertNotEquals(plain.history(), a.history(), "adjustment and masks change the training");
    // A checkpoint of the plain recipe is not resumed by the adjusted one.
    java.io.IOException other = assertThrows(java.io.IOException.class,
        () -> Trainer.train(data, recipe(4), Architecture.SPECTROGRAM, tmp.resolve("p"), null, null));
    assertTrue(other.getMessage().contains("another run"), other.getMessage());
  }
}
