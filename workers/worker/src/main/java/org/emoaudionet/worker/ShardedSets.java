package org.emoaudionet.worker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.emoaudionet.config.PipelineConfig;
import org.emoaudionet.data.Splitter;
import org.emoaudionet.features.shards.FeatureShards;
import org.emoaudionet.features.shards.ShardIndex;
import org.emoaudionet.features.shards.ShardedFeatures;
import org.emoaudionet.workflows.activity.FeaturesRef;
import org.emoaudionet.workflows.activity.S3Keys;
import org.emoaudionet.workflows.conf.RunConf;

/**
 * A sharded data set ({@link S3Keys#featureSet}) on this worker's disk, opened for streaming: its
 * index and shard files are fetched once into {@code workDir/cache/feature-sets/<key>/} (the
 * shard format's folder, so numpy reads it too), the splits are assigned from the labels by the
 * run's split config, and batches are read through a shuffle buffer of
 * {@code conf.shuffle_buffer} segments. Memory is the labels plus that buffer, whatever the size.
 */
final class ShardedSets {
  private ShardedSets() {}

  static ShardedFeatures open(WorkerContext ctx, FeaturesRef ref, RunConf conf, TaskLog log)
      throws IOException {
    Path dir = ctx.config.workDir().resolve("cache").resolve("feature-sets").resolve(ref.cacheKey());
    Path index = dir.resolve(FeatureShards.INDEX);
    if (!Files.isRegularFile(index)) {
      Files.createDirectories(dir);
      // the index last, as the shard writer does: a folder without it is an unfinished fetch
      String fetching = ".index.fetch";
      Path tmp = dir.resolve(fetching);
      ctx.store.getFile(ref.key(), tmp);
      ShardIndex listed = FeatureShards.index(dir, fetching);
      long bytes = 0;
      for (ShardIndex.Shard s : listed.shards()) {
        Path f = dir.resolve(s.file());
        if (!Files.isRegularFile(f)) ctx.store.getFile(S3Keys.featureShardFile(s.file()), f);
        bytes += Files.size(f);
      }
      Files.move(tmp, index, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      log.say("fetched " + ref.uri() + ": " + listed.shards().size() + " shard files, " + bytes
          + " bytes");
    }
    int buffer = conf.sharding() != null ? conf.sharding().shuffleBuffer()
        : org.emoaudionet.workflows.conf.Sharding.DEFAULT_SHUFFLE_BUFFER;
    ShardedFeatures opened = ShardedFeatures.open(dir, buffer);
    PipelineConfig config = Configs.pipelineConfig(conf);
    ShardedFeatures data = opened.withSplits(
        Splitter.fromLabels(opened.labels(), config.split(), config.train().seed()));
    log.say(dir + ": " + data.labels().size() + " segments streamed through a shuffle buffer of "
        + buffer);
    return data;
  }
}
