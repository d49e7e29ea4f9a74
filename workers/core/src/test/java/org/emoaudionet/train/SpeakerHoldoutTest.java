package org.emoaudionet.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.emoaudionet.data.Split;
import org.emoaudionet.features.SegmentFeatures;
import org.junit.jupiter.api.Test;

class SpeakerHoldoutTest {
  @Test
  void validationIsCarvedBySpeakerWithEveryClassWhenPossible() {
    Random r = new Random(1);
    List<SegmentFeatures> train = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      // SYNTHETIC: 10 speakers, speaker s always says class s % 2.
      SegmentFeatures s = SyntheticData.segment(r, (i % 10) % 2, 2, i, 8, Split.TRAIN);
      train.add(new SegmentFeatures(s.recordingId(), "spk" + (i % 10), s.startSeconds(), Split.TRAIN,
          s.classIndex(), s.target(), s.mfcc(), s.image(), "original"));
    }
    Holdout<SegmentFeatures> h = Holdout.carve(train, 0.2, 42);
    assertTrue(h.bySpeaker());
    Set<String> valSpeakers = new HashSet<>();
    Set<Integer> valClasses = new HashSet<>();
    for (SegmentFeatures s : h.val()) {
      valSpeakers.add(s.speaker());
      valClasses.add(s.classIndex());
    }
    assertEquals(2, valSpeakers.size(), "20 % of 10 speakers");
    assertEquals(Set.of(0, 1), valClasses, "one speaker of each class");
    for (SegmentFeatures s : h.train()) assertTrue(!valSpeakers.contains(s.speaker()), s.speaker());
    assertEquals(60, h.train().size() + h.val().size());
  }

  @Test
  void aClassWithOneSpeakerKeepsItInTrainingAndTheCarveFallsBackToSegments() {
    Random r = new Random(3);
    List<SegmentFeatures> train = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      // SYNTHETIC gender-like task: one speaker per class.
      SegmentFeatures s = SyntheticData.segment(r, i % 2, 2, i, 8, Split.TRAIN);
      train.add(new SegmentFeatures(s.recordingId(), i % 2 == 0 ? "her" : "him", s.startSeconds(),
          Split.TRAIN, s.classIndex(), s.target(), s.mfcc(), s.image(), "original"));
    }
    Holdout<SegmentFeatures> h = Holdout.carve(train, 0.2, 42);
    assertTrue(!h.bySpeaker());
    Set<Integer> trainClasses = new HashSet<>();
    for (SegmentFeatures s : h.train()) trainClasses.add(s.classIndex());
    assertEquals(Set.of(0, 1), trainClasses, "both classes still train");
    assertTrue(!h.val().isEmpty());
  }

  @Test
  void mixupWithBalancedWeightsIsRefused() {
    var t = org.emoaudionet.config.PipelineConfig.cpu().train();
    var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> new org.emoaudionet.config.PipelineConfig.TrainConfig(t.learningRate(), t.rho(), t.epsilon(),
            t.batchSize(), t.maxEpochs(), t.earlyStopPatience(), t.plateauFactor(), t.plateauPatience(),
            t.minLearningRate(), t.loss(), t.seed(), t.selectOn(), "balanced", false, 0.4));
    assertTrue(e.getMessage().contains("cannot be combined"), e.getMessage());
  }

  @Test
  void balancedWeightsMakeEachClassWeighTheSame() {
    Random r = new Random(2);
    List<SegmentFeatures> train = new ArrayList<>();
    for (int i = 0; i < 30; i++) train.add(SyntheticData.segment(r, i < 20 ? 0 : 1, 3, i, 8, Split.TRAIN));
    float[] w = Trainer.classWeights(train, 3, "balanced");
    assertEquals(30.0 / (2 * 20), w[0], 1e-6);
    assertEquals(30.0 / (2 * 10), w[1], 1e-6);
    assertEquals(0f, w[2], "absent from train");
    assertEquals(20 * w[0], 10 * w[1], 1e-5);
    assertEquals(null, Trainer.classWeights(train, 3, "none"));
  }
}
