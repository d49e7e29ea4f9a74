package org.emoaudionet.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.emoaudionet.config.PipelineConfig;
import org.emoaudionet.data.Split;
import org.emoaudionet.features.FeatureSet;
import org.emoaudionet.features.SegmentFeatures;
import org.emoaudionet.model.TrainedModel;
import org.emoaudionet.spec.Architecture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainerTest {
  static {
    TestEngine.singleThreaded();
  }

  static final FeatureSet DATA = SyntheticData.make(3, 24, 8, 64, 7);
  static final PipelineConfig CONFIG = small(3);

  @TempDir static Path tmp;
  static TrainResult baseline;
  static List<Integer> checkpointEpochs = new ArrayList<>();
  static int steps;

  static PipelineConfig small(int epochs) {
    PipelineConfig c = PipelineConfig.small().withEpochs(epochs);
    PipelineConfig.TrainConfig t = c.train();
    return c.withTrain(new PipelineConfig.TrainConfig(t.learningRate(), t.rho(), t.epsilon(), 16,
        t.maxEpochs(), t.earlyStopPatience(), t.plateauFactor(), t.plateauPatience(),
        t.minLearningRate(), t.loss(), t.seed()));
  }

  @BeforeAll
  static void trainBaseline() throws Exception {
    baseline = Trainer.train(DATA, CONFIG, Architecture.EMOAUDIONET, tmp.resolve("a"), null,
        new TrainingListener() {
          @Override
          public void onStep(int epoch, int step, int stepsPerEpoch, double loss) {
            steps++;
            assertTrue(Double.isFinite(loss));
          }

          @Override
          public void onCheckpoint(int epoch, Path dir) {
            checkpointEpochs.add(epoch);
            assertTrue(Files.isRegularFile(dir.resolve("state.json")), dir.toString());
          }
        });
  }

  @Test
  void learnsTheSyntheticClassesWellAboveChance() {
    System.out.println("synthetic training history: " + baseline.history());
    assertEquals(3, baseline.history().size());
    assertEquals(0, baseline.resumedFromEpoch());
    assertTrue(baseline.bestValAccuracy() > 0.7, "best val accuracy " + baseline.bestValAccuracy()
        + " (chance 0.33): " + baseline.history());
    assertEquals(List.of(1, 2, 3), checkpointEpochs);
    assertEquals(3 * 5, steps); // 72 training segments in batches of 16
    assertTrue(baseline.history().get(2).trainLoss() < baseline.history().get(0).trainLoss());
    assertEquals(16L * 16 * 9 * 5 + 16 * 27 + 16 * 6 + 16 * 5 + 16 * 16 * 5 + 16 * 2 + 368 * 3 + 3,
        (long) baseline.parameterCount());
  }

  @Test
  void bestModelReloadsAndPredictsItsValidationAccuracy() throws Exception {
    try (TrainedModel m = TrainedModel.load(baseline.modelDir())) {
      assertEquals(Architecture.EMOAUDIONET, m.architecture());
      assertEquals(DATA.task().classes(), m.task().classes());
      assertEquals(CONFIG.toJson(), m.config().toJson());
      List<SegmentFeatures> val = DATA.split(Split.VAL);
      float[][] p = m.predict(val);
      int correct = 0;
      for (int i = 0; i < p.length; i++) {
        float sum = 0;
        int arg = 0;
        for (int k = 0; k < p[i].length; k++) {
          sum += p[i][k];
          if (p[i][k] > p[i][arg]) arg = k;
        }
        assertEquals(1f, sum, 1e-5f);
        if (arg == val.get(i).classIndex()) correct++;
      }
      assertEquals(baseline.bestValAccuracy(), (double) correct / val.size(), 1e-12);
    }
    JsonNode j = new ObjectMapper().readTree(baseline.modelDir().resolve("model.json").toFile());
    assertEquals("emoaudionet", j.get("architecture").asText());
    assertEquals(baseline.bestEpoch(), j.get("bestEpoch").asInt());
    assertEquals("small", j.get("config").get("preset").asText());
    assertEquals("class2", j.get("classNames").get(2).asText());
  }

  @Test
  void sameSeedGivesIdenticalHistory() throws Exception {
    TrainResult again = Trainer.train(DATA, CONFIG, Architecture.EMOAUDIONET, tmp.resolve("b"), null, null);
    assertEquals(baseline.history(), again.history());
  }

  @Test
  void resumedRunContinuesLikeTheUninterruptedOne() throws Exception {
    Path out = tmp.resolve("c");
    RuntimeException crash = new RuntimeException("synthetic crash after epoch 1");
    RuntimeException thrown = assertThrows(RuntimeException.class, () -> Trainer.train(DATA, CONFIG,
        Architecture.EMOAUDIONET, out, null, new TrainingListener() {
          @Override
          public void onCheckpoint(int epoch, Path dir) {
            if (epoch == 1) throw crash;
          }
        }));
    assertEquals(crash, thrown);
    TrainResult resumed = Trainer.train(DATA, CONFIG, Architecture.EMOAUDIONET, out, null, null);
    assertEquals(1, resumed.resumedFromEpoch());
    assertEquals(baseline.history(), resumed.history());
    assertEquals(baseline.bestEpoch(), resumed.bestEpoch());
    try (var s = Files.list(out.resolve("checkpoints"))) {
      assertEquals(List.of("epoch-0003"), s.map(p -> p.getFileName().toString()).toList());
    }
  }

  @Test
  void otherSeedGivesAnotherRunAndRefusesForeignCheckpoint() throws Exception {
    Path out = tmp.resolve("d");
    TrainResult other = Trainer.train(DATA, small(1).withSeed(5), Architecture.EMOAUDIONET, out, null, null);
    assertTrue(other.history().get(0).trainLoss() != baseline.history().get(0).trainLoss());
    var e = assertThrows(java.io.IOException.class, () -> Trainer.train(DATA, small(2), Architecture.EMOAUDIONET,
        out, null, null));
    assertTrue(e.getMessage().contains("another run"), e.getMessage());
  }
}
