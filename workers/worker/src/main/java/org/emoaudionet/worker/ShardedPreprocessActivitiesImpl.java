package org.emoaudionet.worker;

import io.temporal.activity.Activity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.emoaudionet.config.PipelineConfig;
import org.emoaudionet.data.Corpus;
import org.emoaudionet.data.Recording;
import org.emoaudionet.features.shards.FeatureShards;
import org.emoaudionet.features.shards.ShardIndex;
import org.emoaudionet.pipeline.Augmenter;
import org.emoaudionet.pipeline.Preprocessor;
import org.emoaudionet.pipeline.RecordingShards;
import org.emoaudionet.workflows.activity.FeaturesRef;
import org.emoaudionet.workflows.activity.JoinShardsInput;
import org.emoaudionet.workflows.activity.PreprocessShardInput;
import org.emoaudionet.workflows.activity.S3Keys;
import org.emoaudionet.workflows.activity.ShardPlan;
import org.emoaudionet.workflows.activity.ShardPlanInput;
import org.emoaudionet.workflows.activity.ShardRef;
import org.emoaudionet.workflows.activity.ShardSpec;
import org.emoaudionet.workflows.activity.ShardedPreprocessActivities;
import org.emoaudionet.workflows.conf.RunConf;

/**
 * A sharded {@code preprocess}: plan, one shard, join. Each shard is cached in S3 under the
 * digest of its recordings and the preparation config, so an unchanged re-run prepares nothing
 * and a changed recording prepares only its own shard.
 */
public final class ShardedPreprocessActivitiesImpl implements ShardedPreprocessActivities {
  private final WorkerContext ctx;

  public ShardedPreprocessActivitiesImpl(WorkerContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public ShardPlan plan(ShardPlanInput in) {
    return WorkerContext.guarded(() -> {
      int attempt = WorkerContext.attempt();
      TaskLog log = new TaskLog("preprocess", in.dagId(), in.dagRunId(), attempt);
      try (Heartbeater hb = new Heartbeater(Activity.getExecutionContext(), "plan")) {
        Corpus corpus = corpus(in.conf(), in.dataset(), log);
        List<Recording> recs = corpus.recordings();
        String step = Configs.shardConfigJson(in.conf(), Configs.shardConfig(in.conf()));
        List<ShardSpec> specs = new ArrayList<>();
        for (RecordingShards.Range r : RecordingShards.plan(recs.size(),
            in.conf().sharding().recordingsPerShard())) {
          StringBuilder what = new StringBuilder();
          for (Recording rec : recs.subList(r.from(), r.to())) {
            what.append(RecordingShards.describe(rec)).append('|')
                .append(Digests.sha256(rec.audio())).append('\n');
          }
          specs.add(new ShardSpec(r.index(), r.from(), r.to(),
              Configs.cacheKey(Digests.sha256(what.toString()), step)));
          hb.update("plan: digested " + r.to() + "/" + recs.size() + " recordings");
        }
        log.say(recs.size() + " recordings in " + specs.size() + " shards of up to "
            + in.conf().sharding().recordingsPerShard());
        return new ShardPlan(specs, recs.size(), log.text(), attempt);
      }
    });
  }

  @Override
  public ShardRef preprocessShard(PreprocessShardInput in) {
    return WorkerContext.guarded(() -> {
      int attempt = WorkerContext.attempt();
      ShardSpec spec = in.shard();
      String name = "shard " + (spec.index() + 1) + "/" + in.shards();
      TaskLog log = new TaskLog("preprocess", in.dagId(), in.dagRunId(), attempt);
      String key = S3Keys.featureShard(spec.digest());
      String recordKey = ShardRecord.keyOf(key);
      Optional<String> cached = ctx.store.readText(recordKey);
      if (cached.isPresent()) {
        ShardRecord r = ShardRecord.parse(cached.get(), recordKey);
        log.say(name + ": cache hit " + ctx.store.uri(key) + " (same recordings, config and code)");
        return ref(spec, key, r, true, log, attempt);
      }
      try (Heartbeater hb = new Heartbeater(Activity.getExecutionContext(), name)) {
        Corpus corpus = corpus(in.conf(), in.dataset(), log);
        Corpus slice = RecordingShards.slice(corpus,
            new RecordingShards.Range(spec.index(), spec.from(), spec.to()));
        PipelineConfig config = Configs.shardConfig(in.conf());
        Path dir = ctx.scratch(in.dagId(), in.dagRunId(), "preprocess-shard-" + spec.index());
        // with conf.augment the copies of every recording are made here, in its shard
        Preprocessor.ShardResult made = Augmenter.shard(slice, config, dir,
            (stage, done, total, detail) -> hb.update(name + ": " + stage + " " + done + "/"
                + total));
        List<ShardIndex.Shard> files = new ArrayList<>();
        if (made.index().segments() > 0) {
          ShardIndex.Shard written = made.index().shards().get(0);
          ctx.store.putFile(key, dir.resolve(written.file()),
              Map.of("segments", Integer.toString(written.segments()), "sha256", written.sha256()));
          files.add(new ShardIndex.Shard(spec.digest() + ".npz", written.segments(),
              written.sha256()));
        }
        ShardRecord r = new ShardRecord(made.index().withShards(made.index().segments(), files),
            made.rejected());
        Path record = dir.resolve("record.json");
        Files.write(record, r.json());
        // the record last: it is the cache hit, and must never point at a missing shard
        ctx.store.putFile(recordKey, record);
        log.say(name + ": " + made.index().segments() + " segments of " + slice.recordings().size()
            + " recordings stored as " + ctx.store.uri(key)
            + (made.rejected().isEmpty() ? "" : "; unusable: " + String.join("; ", made.rejected())));
        return ref(spec, key, r, false, log, attempt);
      }
    });
  }

  @Override
  public FeaturesRef join(JoinShardsInput in) {
    return WorkerContext.guarded(() -> {
      int attempt = WorkerContext.attempt();
      TaskLog log = new TaskLog("preprocess", in.dagId(), in.dagRunId(), attempt);
      ShardIndex header = null;
      List<ShardIndex.Shard> shards = new ArrayList<>();
      List<String> rejected = new ArrayList<>();
      StringBuilder digests = new StringBuilder();
      int segments = 0;
      boolean allHits = true;
      for (ShardRef ref : in.shards()) {
        digests.append(ref.digest()).append('\n');
        rejected.addAll(ref.rejected());
        allHits &= ref.cacheHit();
        if (ref.segments() == 0) continue;
        String recordKey = ShardRecord.keyOf(ref.key());
        ShardIndex one = ShardRecord.parse(ctx.store.readText(recordKey).orElseThrow(() ->
            new IOException(ctx.store.uri(recordKey) + ": shard record missing")), recordKey).index();
        if (header == null) header = one;
        shards.addAll(one.shards());
        segments += ref.segments();
      }
      if (header == null) {
        throw new IllegalArgumentException("no usable segment in any of the " + in.shards().size()
            + " shards" + (rejected.isEmpty() ? "" : ": " + String.join("; ",
                rejected.subList(0, Math.min(20, rejected.size())))));
      }
      ShardIndex joined = header.withShards(segments, shards);
      String setKey = Configs.cacheKey(Digests.sha256(digests.toString()), "feature-set");
      String key = S3Keys.featureSet(setKey);
      Path dir = ctx.scratch(in.dagId(), in.dagRunId(), "preprocess-join");
      FeatureShards.writeIndex(dir, joined);
      ctx.store.putFile(key, dir.resolve(FeatureShards.INDEX),
          Map.of("segments", Integer.toString(segments)));
      log.say(segments + " segments in " + shards.size() + " shard files"
          + (rejected.isEmpty() ? "" : ", " + rejected.size() + " recordings unusable")
          + "; data set index " + ctx.store.uri(key));
      return new FeaturesRef(key, ctx.store.uri(key), setKey, allHits, segments, log.text(),
          attempt);
    });
  }

  private Corpus corpus(RunConf conf, org.emoaudionet.workflows.activity.DatasetRef dataset,
      TaskLog log) throws IOException {
    Path tree = ctx.datasets.materialize(dataset, log);
    return RunCorpus.load(tree, conf, log);
  }

  private static ShardRef ref(ShardSpec spec, String key, ShardRecord r, boolean hit, TaskLog log,
      int attempt) {
    ShardIndex.Shard file = r.index().shards().isEmpty() ? null : r.index().shards().get(0);
    return new ShardRef(spec.index(), key, spec.digest(), r.index().segments(),
        file == null ? null : file.sha256(), hit, r.rejected(), log.text(), attempt);
  }
}
