package org.emoaudionet.worker;

import io.temporal.activity.Activity;
import java.nio.file.Path;
import org.emoaudionet.config.PipelineConfig;
import org.emoaudionet.data.Corpus;
import org.emoaudionet.features.FeatureSet;
import org.emoaudionet.pipeline.Augmenter;
import org.emoaudionet.workflows.activity.AugmentActivity;
import org.emoaudionet.workflows.activity.AugmentInput;
import org.emoaudionet.workflows.activity.FeaturesRef;
import org.emoaudionet.workflows.activity.S3Keys;

public final class AugmentActivityImpl implements AugmentActivity {
  private final WorkerContext ctx;

  public AugmentActivityImpl(WorkerContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public FeaturesRef augment(AugmentInput in) {
    return WorkerContext.guarded(() -> {
      int attempt = WorkerContext.attempt();
      TaskLog log = new TaskLog("augment", in.dagId(), in.dagRunId(), attempt);
      PipelineConfig config = Configs.pipelineConfig(in.conf());
      // the prepared set's cache key already stands for the data set, its config and the code
      String cacheKey = Configs.cacheKey(in.prepared().cacheKey(), Configs.augmentConfigJson(config));
      String key = S3Keys.cache("augment", cacheKey);
      return FeatureCache.lookup(ctx, key, cacheKey, log, attempt).orElseGet(() ->
          WorkerContext.guarded(() -> {
            try (Heartbeater hb = new Heartbeater(Activity.getExecutionContext(), "augment")) {
              FeatureSet prepared = ctx.features(in.prepared(), log);
              Path tree = ctx.datasets.materialize(in.dataset(), log);
              Corpus corpus = RunCorpus.load(tree, in.conf(), log);
              FeatureSet augmented = Augmenter.run(corpus, prepared, config,
                  (stage, done, total, detail) -> hb.update(stage + " " + done + "/" + total));
              log.say((augmented.segments().size() - prepared.segments().size())
                  + " augmented training segments added to " + prepared.segments().size());
              return FeatureCache.store(ctx, key, cacheKey, augmented, log, attempt);
            }
          }));
    });
  }
}
