package org.emoaudionet.worker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.emoaudionet.config.PipelineConfig;
import org.emoaudionet.features.FeatureSet;
import org.emoaudionet.features.FeatureSource;
import org.emoaudionet.metrics.EvaluationReport;
import org.emoaudionet.metrics.Evaluator;
import org.emoaudionet.mlflow.ModelVersion;
import org.emoaudionet.model.ModelCompatibility;
import org.emoaudionet.model.ScoringModel;
import org.emoaudionet.model.ScoringModels;
import org.emoaudionet.workflows.activity.PromoteInput;

/**
 * The champion's figure on THIS run's test split, scored as evaluate scores (same features, same
 * protocol, same participant level), rather than the figure its own run logged: its own run may
 * have had another test split.
 *
 * <p>The champion's model comes from S3 through its run's {@value RunTags#MODEL_URI} tag, not
 * through MLflow's artifact proxy: that object is the exact model.tar.gz its evaluate scored, the
 * store every task already reads, one download instead of a listing and a request per file, and
 * train treats the MLflow copy of the model as best effort (S3 holds the model even if MLflow lost
 * it).
 */
final class IncumbentScorer {
  /** @param unusable why the champion cannot score this test set; null when it could */
  record Incumbent(double figure, String unusable) {
    static Incumbent cannot(String why) {
      return new Incumbent(Double.NaN, why);
    }
  }

  private final WorkerContext ctx;

  IncumbentScorer(WorkerContext ctx) {
    this.ctx = ctx;
  }

  Incumbent score(PromoteInput in, ModelVersion champ, Path dir, TaskLog log)
      throws IOException {
    String uri = ctx.mlflow.runTags(champ.runId()).get(RunTags.MODEL_URI);
    if (uri == null || uri.isBlank()) {
      return Incumbent.cannot("its MLflow run " + champ.runId() + " has no " + RunTags.MODEL_URI
          + " tag");
    }
    String prefix = "s3://" + ctx.store.bucket() + "/";
    if (!uri.startsWith(prefix)) {
      return Incumbent.cannot("its model " + uri + " is not in this platform's bucket "
          + ctx.store.bucket());
    }
    String modelKey = uri.substring(prefix.length());
    if (!ctx.store.exists(modelKey)) {
      return Incumbent.cannot("its model " + uri + " no longer exists");
    }
    Path modelDir = dir.resolve("champion-model");
    ctx.store.getDir(modelKey, modelDir);
    log.say("fetched the champion's model " + uri);
    FeatureSource<?> data = ctx.source(in.features(), in.conf(), log);
    PipelineConfig ours = Configs.pipelineConfig(in.conf());
    String protocol = in.conf().split();
    try (ScoringModel model = ScoringModels.load(modelDir)) {
      String mismatch = ModelCompatibility.mismatch(model, data, ours);
      if (mismatch != null) return Incumbent.cannot(mismatch);
      EvaluationReport report;
      try {
        report = Evaluator.evaluate(model, data, protocol, List.of(), in.participantLevel(),
            Files.createDirectories(dir.resolve("champion-report")));
      } catch (RuntimeException e) {
        // shapes the network cannot take surface here (DJL engine errors, InputBatch checks)
        return Incumbent.cannot("scoring failed: " + e.getMessage());
      }
      // named as evaluate names the candidate's figures, so the policy's metric is the same one
      Double v = TestMetrics.of(report.scalars()).get(in.policy().metric());
      double figure = v == null ? Double.NaN : v;
      log.say("champion's " + in.policy().metric() + " on this test set: "
          + ChampionDecision.fmt(figure));
      return new Incumbent(figure, null);
    }
  }
}
