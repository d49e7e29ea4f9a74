package org.emoaudionet.pipeline;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.emoaudionet.config.PipelineConfig;
import org.emoaudionet.data.Corpus;
import org.emoaudionet.data.Recording;
import org.emoaudionet.data.RecordingLabel;
import org.emoaudionet.features.FeatureSet;
import org.emoaudionet.features.SegmentFeatures;
import org.emoaudionet.features.shards.FeatureShards;
import org.emoaudionet.features.shards.ShardedFeatures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Recording shards, the unit a sharded preprocess fans out, on the bundled SYNTHETIC samples. */
class RecordingShardsTest {
  @TempDir Path tmp;

  @Test
  void planCoversEveryRecordingOnceInOrder() {
    List<RecordingShards.Range> p = RecordingShards.plan(10, 4);
    assertEquals(List.of(new RecordingShards.Range(0, 0, 4), new RecordingShards.Range(1, 4, 8),
        new RecordingShards.Range(2, 8, 10)), p);
    assertEquals(List.of(), RecordingShards.plan(0, 4));
    assertThrows(IllegalArgumentException.class, () -> RecordingShards.plan(10, 0));
  }

  @Test
  void theShardsOfACorpusHoldTheSegmentsOfTheWholeInOrder() throws Exception {
    Corpus c = CorpusLoader.load(
        DatasetUri.parse("librispeech:" + SampleCorpora.root().resolve("librispeech")), "gender");
    PipelineConfig cfg = PipelineConfig.small();
    FeatureSet whole = Preprocessor.run(c, cfg, ProgressListener.NONE);
    List<SegmentFeatures> joined = new ArrayList<>();
    for (RecordingShards.Range r : RecordingShards.plan(c.recordings().size(), 3)) {
      Path dir = tmp.resolve("shard-" + r.index());
      Preprocessor.ShardResult one = Preprocessor.shard(RecordingShards.slice(c, r), cfg, dir,
          ProgressListener.NONE);
      assertEquals(1, one.index().shards().size());
      joined.addAll(FeatureShards.read(dir, 0));
    }
    assertEquals(whole.segments().size(), joined.size());
    for (int i = 0; i < joined.size(); i++) {
      assertEquals(whole.segments().get(i).recordingId(), joined.get(i).recordingId(), "row " + i);
      assertArrayEquals(whole.segments().get(i).image(), joined.get(i).image(), "row " + i);
    }
    // the index names its task, so a reader needs no corpus
    ShardedFeatures opened = ShardedFeatures.open(tmp.resolve("shard-0"), 8);
    assertEquals(c.task().classes(), opened.task().classes());
    assertEquals(c.task().name(), opened.task().name());
  }

  @Test
  void anAugmentedShardHoldsEveryRecordingsCopiesAndOnlyTrainCopiesAreRead() throws Exception {
    Corpus c = CorpusLoader.load(
        DatasetUri.parse("librispeech:" + SampleCorpora.root().resolve("librispeech")), "gender");
    PipelineConfig cfg = PipelineConfig.small(); // one noise and one pitch copy per segment
    Path dir = tmp.resolve("aug");
    Preprocessor.ShardResult r = Augmenter.shard(c, cfg, dir, ProgressListener.NONE);
    List<SegmentFeatures> rows = FeatureShards.read(dir, 0);
    long originals = rows.stream().filter(s -> s.origin().equals("original")).count();
    assertEquals(3 * originals, rows.size(), "each segment and its two copies");
    assertEquals(rows.size(), r.index().segments());
    assertTrue(rows.stream().filter(s -> !s.origin().equals("original"))
        .allMatch(s -> s.split() == null), "copies carry no split of their own");

    ShardedFeatures opened = ShardedFeatures.open(dir, 16);
    List<org.emoaudionet.data.Split> splits = org.emoaudionet.data.Splitter.fromLabels(
        opened.labels(), cfg.split(), cfg.train().seed());
    java.util.Map<String, org.emoaudionet.data.Split> ofOriginal = new java.util.HashMap<>();
    for (int i = 0; i < rows.size(); i++) {
      if (rows.get(i).origin().equals("original")) {
        ofOriginal.put(rows.get(i).recordingId() + "@" + rows.get(i).startSeconds(), splits.get(i));
      }
    }
    assertTrue(ofOriginal.containsValue(org.emoaudionet.data.Split.TEST));
    int trainCopies = 0;
    for (int i = 0; i < rows.size(); i++) {
      SegmentFeatures s = rows.get(i);
      if (s.origin().equals("original")) continue;
      org.emoaudionet.data.Split source = ofOriginal.get(s.recordingId() + "@" + s.startSeconds());
      if (source == org.emoaudionet.data.Split.TRAIN) {
        assertEquals(org.emoaudionet.data.Split.TRAIN, splits.get(i));
        trainCopies++;
      } else {
        assertNull(splits.get(i), "a copy of a " + source + " segment is never read");
      }
    }
    assertTrue(trainCopies > 0);
    // the originals split exactly as without copies
    Path plain = tmp.resolve("plain");
    Preprocessor.shard(c, cfg, plain, ProgressListener.NONE);
    ShardedFeatures p = ShardedFeatures.open(plain, 16);
    List<org.emoaudionet.data.Split> plainSplits = org.emoaudionet.data.Splitter.fromLabels(
        p.labels(), cfg.split(), cfg.train().seed());
    assertEquals(plainSplits, splits.subList(0, (int) originals));
  }

  @Test
  void aShardOfUnusableRecordingsIsEmptyNotAnError() throws Exception {
    Recording broken = new Recording("r1", tmp.resolve("missing.wav"), "s1", null, null,
        new RecordingLabel.Category("F"), List.of());
    Corpus c = new Corpus("broken", org.emoaudionet.data.LibriSpeechReader.TASK, List.of(broken));
    Preprocessor.ShardResult r = Preprocessor.shard(c, PipelineConfig.small(), tmp.resolve("e"),
        ProgressListener.NONE);
    assertEquals(0, r.index().segments());
    assertEquals(List.of(), r.index().shards());
    assertEquals(1, r.rejected().size());
    assertTrue(r.rejected().get(0).contains("missing.wav"), r.rejected().toString());
  }

  @Test
  void aRecordingsDescriptionChangesWithItsLabelSpeakerAndRegions() {
    Recording a = new Recording("r1", Path.of("a.wav"), "s1", "F", null,
        new RecordingLabel.Category("happy"), List.of());
    String base = RecordingShards.describe(a);
    assertEquals(base, RecordingShards.describe(new Recording("r1", Path.of("elsewhere/a.wav"),
        "s1", "F", null, new RecordingLabel.Category("happy"), List.of())),
        "the path is not content: the caller digests the audio bytes");
    assertNotEquals(base, RecordingShards.describe(new Recording("r1", Path.of("a.wav"), "s1", "F",
        null, new RecordingLabel.Category("sad"), List.of())));
    assertNotEquals(base, RecordingShards.describe(new Recording("r1", Path.of("a.wav"), "s2", "F",
        null, new RecordingLabel.Category("happy"), List.of())));
    assertNotEquals(base, RecordingShards.describe(new Recording("r1", Path.of("a.wav"), "s1", "F",
        null, new RecordingLabel.Category("happy"),
        List.of(new org.emoaudionet.data.TimeSpan(0, 1)))));
    assertNotEquals(
        RecordingShards.describe(new Recording("r1", Path.of("a.wav"), "s1", "F", null,
            new RecordingLabel.Track(0.04, new double[] {0.1, 0.2}), List.of())),
        RecordingShards.describe(new Recording("r1", Path.of("a.wav"), "s1", "F", null,
            new RecordingLabel.Track(0.04, new double[] {0.1, 0.3}), List.of())));
  }
}
