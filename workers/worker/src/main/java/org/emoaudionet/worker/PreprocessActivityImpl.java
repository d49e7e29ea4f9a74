package org.emoaudionet.worker;

import io.temporal.activity.Activity;
import java.nio.file.Path;
import org.emoaudionet.config.PipelineConfig;
import org.emoaudionet.data.Corpus;
import org.emoaudionet.features.FeatureSet;
import org.emoaudionet.pipeline.Preprocessor;
import org.emoaudionet.workflows.activity.FeaturesRef;
import org.emoaudionet.workflows.activity.PreprocessActivity;
import org.emoaudionet.workflows.activity.PreprocessInput;
import org.emoaudionet.workflows.activity.S3Keys;

public final class PreprocessActivityImpl implements PreprocessActivity {
  private final WorkerContext ctx;

  public PreprocessActivityImpl(WorkerContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public FeaturesRef preprocess(PreprocessInput in) {
    return WorkerContext.guarded(() -> {
      int attempt = WorkerContext.attempt();
      TaskLog log = new TaskLog("preprocess", in.dagId(), in.dagRunId(), attempt);
      PipelineConfig config = Configs.pipelineConfig(in.conf());
      String cacheKey = Configs.cacheKey(in.dataset().digest(),
          Configs.preprocessConfigJson(in.conf(), config));
      String key = S3Keys.cache("preprocess", cacheKey);
      return FeatureCache.lookup(ctx, key, cacheKey, log, attempt).orElseGet(() ->
          WorkerContext.guarded(() -> {
            try (Heartbeater hb = new Heartbeater(Activity.getExecutionContext(), "preprocess")) {
              Path tree = ctx.datasets.materialize(in.dataset(), log);
              log.say("reading " + LocalDatasets.datasetUri(tree, in.conf()) + " for task "
                  + in.conf().task());
              Corpus corpus = RunCorpus.load(tree, in.conf(), log);
              log.say(corpus.recordings().size() + " recordings");
              FeatureSet fs = Preprocessor.run(corpus, config,
                  (stage, done, total, detail) -> hb.update(stage + " " + done + "/" + total
                      + (detail == null || detail.isEmpty() ? "" : " " + detail)));
              return FeatureCache.store(ctx, key, cacheKey, fs, log, attempt);
            }
          }));
    });
  }
}
