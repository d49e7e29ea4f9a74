package org.emoaudionet.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.emoaudionet.config.PipelineConfig;
import org.emoaudionet.data.Corpus;
import org.emoaudionet.data.Split;
import org.emoaudionet.data.Splitter;
import org.emoaudionet.features.FeatureSet;
import org.emoaudionet.features.SegmentFeatures;
import org.emoaudionet.features.shards.FeatureShards;
import org.emoaudionet.features.shards.ShardIndex;
import org.emoaudionet.features.shards.ShardedFeatures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Preprocessing straight into shards, on the bundled SYNTHETIC LibriSpeech-layout sample. */
class ShardedPreprocessTest {
  @TempDir Path tmp;

  @Test
  void shardsHoldTheSegmentsOfTheInMemoryPathInItsOrderAndTheSplitsFollowFromTheLabels()
      throws Exception {
    Corpus c = CorpusLoader.load(
        DatasetUri.parse("librispeech:" + SampleCorpora.root().resolve("librispeech")), "gender");
    PipelineConfig cfg = PipelineConfig.small();
    FeatureSet memory = Preprocessor.run(c, cfg, ProgressListener.NONE);
    List<Long> progress = new ArrayList<>();
    Preprocessor.ShardResult r = Preprocessor.toShards(c, cfg, tmp.resolve("s"), 40,
        (stage, done, total, detail) -> progress.add(done));
    assertTrue(r.rejected().isEmpty(), r.rejected().toString());
    ShardIndex index = r.index();
    assertEquals(memory.segments().size(), index.segments());
    assertEquals((memory.segments().size() + 39) / 40, index.shards().size());
    assertEquals((long) c.recordings().size(), progress.get(progress.size() - 1));

    List<SegmentFeatures> back = new ArrayList<>();
    for (int i = 0; i < index.shards().size(); i++) back.addAll(FeatureShards.read(tmp.resolve("s"), i));
    for (int i = 0; i < back.size(); i++) {
      SegmentFeatures a = memory.segments().get(i);
      SegmentFeatures b = back.get(i);
      assertEquals(a.recordingId(), b.recordingId(), "row " + i);
      assertEquals(a.startSeconds(), b.startSeconds(), 0.0);
      assertArrayEquals(a.mfcc(), b.mfcc());
      assertArrayEquals(a.image(), b.image());
    }
    ShardedFeatures opened = ShardedFeatures.open(tmp.resolve("s"), c.task(), 64);
    List<Split> splits = Splitter.assign(c, opened.labels(), cfg.split(), cfg.train().seed());
    for (int i = 0; i < splits.size(); i++) {
      assertEquals(memory.segments().get(i).split(), splits.get(i), "row " + i);
    }
    // the shards carry each recording's speaker and fixed split: no corpus needed to split
    assertEquals(splits, Splitter.fromLabels(opened.labels(), cfg.split(), cfg.train().seed()));
    ShardedFeatures split = opened.withSplits(splits);
    split.pass(split.labels(), 16).forEachRemaining(batch -> batch.forEach(s ->
        assertEquals(split.labels().stream().filter(k -> k.recordingId().equals(s.recordingId())
            && k.startSeconds() == s.startSeconds()).findFirst().orElseThrow().split(), s.split())));
  }

  @Test
  void aFolderWhoseWriteDidNotFinishIsRefusedNamingIt() throws Exception {
    Path dir = tmp.resolve("cut");
    Files.createDirectories(dir);
    Files.write(dir.resolve("shard-00000.npz"), new byte[] {1, 2, 3});
    IOException e = assertThrows(IOException.class,
        () -> ShardedFeatures.open(dir, org.emoaudionet.data.TaskSpec.categorical("x", List.of("a")), 8));
    assertTrue(e.getMessage().contains(dir.resolve("shards.json").toString()), e.getMessage());
  }
}
