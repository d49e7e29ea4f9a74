package org.emoaudionet.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.emoaudionet.config.PipelineConfig;
import org.emoaudionet.data.Split;
import org.emoaudionet.features.FeatureSet;
import org.emoaudionet.features.SegmentFeatures;
import org.emoaudionet.spec.Architecture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HoldoutAndLossTest {
  static {
    TestEngine.singleThreaded();
  }

  @TempDir Path tmp;

  @Test
  void carvedValidationOfOneSpeakerKeepsAugmentedCopiesWithTheirSource() {
    Random r = new Random(0);
    List<SegmentFeatures> train = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      SegmentFeatures s = SyntheticData.segment(r, i % 2, 2, i, 64, Split.TRAIN);
      // One speaker: the only case where validation falls back to carving segments.
      s = new SegmentFeatures(s.recordingId(), "one", s.startSeconds(), Split.TRAIN,
          s.classIndex(), s.target(), s.mfcc(), s.image(), "original");
      train.add(s);
      train.add(new SegmentFeatures(s.recordingId(), s.speaker(), s.startSeconds(), Split.TRAIN,
          s.classIndex(), s.target(), s.mfcc(), s.image(), "noise:0.01"));
    }
    Holdout<SegmentFeatures> h = Holdout.carve(train, 0.1, 42);
    assertTrue(!h.bySpeaker());
    assertEquals(10, h.val().size()); // 5 of 50 sources, each with its copy
    assertEquals(90, h.train().size());
    Set<String> valKeys = new HashSet<>();
    for (SegmentFeatures s : h.val()) valKeys.add(s.recordingId() + "@" + s.startSeconds());
    for (SegmentFeatures s : h.train()) assertTrue(!valKeys.contains(s.recordingId() + "@" + s.startSeconds()));
    assertEquals(h.val(), Holdout.carve(train, 0.1, 42).val());
  }

  @Test
  void withoutValSplitTrainsOnTheRestAndSaysSo() throws Exception {
    FeatureSet withVal = SyntheticData.make(2, 20, 0, 64, 5);
    TrainResult res = Trainer.train(withVal, TrainerTest.small(1), Architecture.MFCC, tmp.resolve("x"), null, null);
    assertEquals(1, res.history().size());
    String validation = new ObjectMapper().readTree(res.modelDir().resolve("model.json").toFile())
        .get("validation").asText();
    assertTrue(validation.startsWith("no val split"), validation);
    // By speaker: 1 of the 5 speakers (8 of the 40 segments), not 10 % of the segments.
    assertTrue(validation.contains("training speakers (8 segments"), validation);
  }

  @Test
  void rmseLossOptionTrains() throws Exception {
    PipelineConfig c = TrainerTest.small(2);
    PipelineConfig.TrainConfig t = c.train();
    c = c.withTrain(new PipelineConfig.TrainConfig(t.learningRate(), t.rho(), t.epsilon(), t.batchSize(),
        t.maxEpochs(), t.earlyStopPatience(), t.plateauFactor(), t.plateauPatience(), t.minLearningRate(),
        "rmse", t.seed()));
    TrainResult res = Trainer.train(SyntheticData.make(2, 16, 6, 64, 9), c, Architecture.MFCC,
        tmp.resolve("rmse"), null, null);
    for (EpochMetrics m : res.history()) {
      // RMSE between a softmax and a one-hot vector lies in [0, 1].
      assertTrue(m.trainLoss() > 0 && m.trainLoss() < 1, m.toString());
    }
    assertTrue(res.history().get(1).trainLoss() < res.history().get(0).trainLoss(), res.history().toString());
  }
}
