package org.emoaudionet.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.emoaudionet.config.PipelineConfig;
import org.emoaudionet.data.Split;
import org.emoaudionet.features.FeatureSet;
import org.emoaudionet.features.SegmentFeatures;
import org.emoaudionet.features.shards.FeatureShards;
import org.emoaudionet.features.shards.SegmentKey;
import org.emoaudionet.features.shards.ShardedFeatures;
import org.emoaudionet.metrics.Evaluator;
import org.emoaudionet.model.TrainedModel;
import org.emoaudionet.spec.Architecture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Training and evaluation streamed from feature shards (SYNTHETIC segments): a shuffle buffer of
 * 20 segments over 72 training segments in shards of 10, so no pass ever holds the data set.
 */
class ShardedTrainingTest {
  static {
    TestEngine.singleThreaded();
  }

  static final FeatureSet DATA = withTestSplit(SyntheticData.make(3, 24, 8, 64, 7));
  static final PipelineConfig CONFIG = TrainerTest.small(3);
  static final int BUFFER = 20;
  static final int PER_SHARD = 10;

  @TempDir static Path tmp;
  static ShardedFeatures shards;
  static TrainResult baseline;

  /** VAL segments of even index become TEST, so that the set has all three splits. */
  static FeatureSet withTestSplit(FeatureSet s) {
    List<SegmentFeatures> out = new ArrayList<>();
    int v = 0;
    for (SegmentFeatures f : s.segments()) {
      out.add(f.split() == Split.VAL && v++ % 2 == 0 ? f.withSplit(Split.TEST) : f);
    }
    return s.withSegments(out);
  }

  @BeforeAll
  static void trainFromShards() throws Exception {
    FeatureShards.write(DATA, tmp.resolve("shards"), PER_SHARD);
    shards = ShardedFeatures.open(tmp.resolve("shards"), DATA.task(), BUFFER);
    baseline = Trainer.trainOn(shards, CONFIG, Architecture.EMOAUDIONET, tmp.resolve("a"), null, null);
  }

  @Test
  void labelsComeFromTheShardsWithoutTheInputs() {
    assertEquals(DATA.segments().size(), shards.labels().size());
    for (int i = 0; i < shards.labels().size(); i++) {
      SegmentKey k = shards.labels().get(i);
      SegmentFeatures s = DATA.segments().get(i);
      assertEquals(i, k.row());
      assertEquals(s.recordingId(), k.recordingId());
      assertEquals(s.split(), k.split());
      assertEquals(s.classIndex(), k.classIndex());
    }
  }

  @Test
  void aShuffledPassGivesEverySegmentOnceInBatchesFromABoundedBuffer() {
    List<SegmentKey> train = shards.labels().stream().filter(k -> k.split() == Split.TRAIN).toList();
    Set<String> seen = new HashSet<>();
    List<String> order = new ArrayList<>();
    int batches = 0;
    for (Iterator<List<SegmentFeatures>> it = shards.shuffled(train, 16, 9); it.hasNext(); batches++) {
      for (SegmentFeatures s : it.next()) {
        assertEquals(Split.TRAIN, s.split());
        assertTrue(seen.add(s.recordingId()), "twice: " + s.recordingId());
        order.add(s.recordingId());
      }
    }
    assertEquals(72, seen.size());
    assertEquals(5, batches); // 72 in batches of 16
    List<String> again = new ArrayList<>();
    shards.shuffled(train, 16, 9).forEachRemaining(b -> b.forEach(s -> again.add(s.recordingId())));
    assertEquals(order, again, "same seed, same order");
    List<String> other = new ArrayList<>();
    shards.shuffled(train, 16, 10).forEachRemaining(b -> b.forEach(s -> other.add(s.recordingId())));
    assertTrue(!order.equals(other), "another seed, another order");
  }

  @Test
  void learnsAboveChanceAndTheSameSeedGivesTheSameHistory() throws Exception {
    assertTrue(baseline.bestValAccuracy() > 0.6, "best val accuracy " + baseline.bestValAccuracy()
        + " (chance 0.33): " + baseline.history());
    TrainResult again = Trainer.trainOn(shards, CONFIG, Architecture.EMOAUDIONET, tmp.resolve("b"), null, null);
    assertEquals(baseline.history(), again.history());
  }

  @Test
  void aRunCrashedAfterAnEpochResumesExactly() throws Exception {
    Path out = tmp.resolve("c");
    RuntimeException crash = new RuntimeException("synthetic crash after epoch 2");
    assertThrows(RuntimeException.class, () -> Trainer.trainOn(shards, CONFIG,
        Architecture.EMOAUDIONET, out, null, new TrainingListener() {
          @Override
          public void onCheckpoint(int epoch, Path dir) {
            if (epoch == 2) throw crash;
          }
        }));
    TrainResult resumed = Trainer.trainOn(shards, CONFIG, Architecture.EMOAUDIONET, out, null, null);
    assertEquals(2, resumed.resumedFromEpoch());
    assertEquals(baseline.history(), resumed.history());
  }

  @Test
  void evaluationStreamedFromShardsScoresLikeTheSameSegmentsInMemory() throws Exception {
    try (TrainedModel m = TrainedModel.load(baseline.modelDir())) {
      Evaluator.evaluate(m, shards, "speaker", baseline.history(), false, tmp.resolve("ev-shards"));
      Evaluator.evaluate(m, DATA, "speaker", baseline.history(), false, tmp.resolve("ev-memory"));
    }
    ObjectMapper json = new ObjectMapper();
    JsonNode a = json.readTree(tmp.resolve("ev-shards/metrics.json").toFile());
    JsonNode b = json.readTree(tmp.resolve("ev-memory/metrics.json").toFile());
    assertEquals(12, a.get("n_test").asInt());
    assertEquals(b, a);
  }
}
