package org.emoaudionet.worker;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.emoaudionet.workflows.activity.CrossValidationActivity;
import org.emoaudionet.workflows.activity.CrossValidationInput;
import org.emoaudionet.workflows.activity.CrossValidationStats;
import org.emoaudionet.workflows.activity.CrossValidationSummary;
import org.emoaudionet.workflows.activity.S3Keys;

/**
 * The {@code evaluate} task of a cross-validation run: the folds' mean and std (and each fold's
 * value) as metrics of the parent's MLflow run, and {@code cv.json} with every fold's figures
 * in S3 ({@code runs/<dag>/<run>/cv.json}) and as that run's artifact.
 */
public final class CrossValidationActivityImpl implements CrossValidationActivity {
  static final String SUMMARY = "cv.json";
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

  private final WorkerContext ctx;

  public CrossValidationActivityImpl(WorkerContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public CrossValidationSummary summarize(CrossValidationInput in) {
    return WorkerContext.guarded(() -> {
      int attempt = WorkerContext.attempt();
      TaskLog log = new TaskLog("evaluate", in.dagId(), in.dagRunId(), attempt);
      log.say(in.folds().size() + "-fold cross-validation, mean \u00b1 std (population) over the folds:");
      for (String line : CrossValidationStats.describe(in.metrics()).split("\n")) {
        if (!line.isBlank()) log.say("  " + line);
      }
      Path dir = ctx.scratch(in.dagId(), in.dagRunId(), "evaluate");
      Path file = dir.resolve(SUMMARY);
      Files.writeString(file, JSON.writeValueAsString(summary(in)));
      String key = S3Keys.run(in.dagId(), in.dagRunId(), SUMMARY);
      ctx.store.putFile(key, file);
      String uri = ctx.store.uri(key);
      log.say("stored " + uri);
      if (in.mlflowRunId() != null) {
        ctx.mlflow.logMetrics(in.mlflowRunId(), in.metrics(), 0);
        ctx.mlflow.logArtifact(in.mlflowRunId(), file, SUMMARY);
        ctx.mlflow.setTags(in.mlflowRunId(), Map.of("emo.cv.summary_uri", uri));
        log.say(in.metrics().size() + " metrics (cv.mean.*, cv.std.*, cv.fold_<i>.*) and "
            + SUMMARY + " logged to MLflow run " + in.mlflowRunId()
            + ", the parent of the folds' runs");
      }
      return new CrossValidationSummary(in.metrics(), uri, log.text(), attempt);
    });
  }

  /** What cv.json holds: per metric its mean, std and per-fold values; every fold's run. */
  static Map<String, Object> summary(CrossValidationInput in) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("dag_id", in.dagId());
    out.put("dag_run_id", in.dagRunId());
    out.put("folds", in.folds().size());
    out.put("std", "population (divide by the number of folds)");
    Map<String, Object> metrics = new TreeMap<>();
    in.metrics().forEach((k, v) -> {
      if (!k.startsWith(CrossValidationStats.MEAN)) return;
      String name = k.substring(CrossValidationStats.MEAN.length());
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("mean", v);
      m.put("std", in.metrics().get(CrossValidationStats.STD + name));
      List<Object> perFold = new java.util.ArrayList<>();
      for (CrossValidationInput.FoldResult f : in.folds()) {
        Double x = f.metrics().get(name);
        perFold.add(x == null || x.isNaN() || x.isInfinite() ? null : x);
      }
      m.put("per_fold", perFold);
      metrics.put(name, m);
    });
    out.put("metrics", metrics);
    List<Map<String, Object>> runs = new java.util.ArrayList<>();
    for (CrossValidationInput.FoldResult f : in.folds()) {
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("fold", f.fold());
      r.put("workflow_id", f.workflowId());
      r.put("dag_run_id", f.dagRunId());
      r.put("mlflow_run_id", f.mlflowRunId());
      r.put("metrics_uri", f.metricsUri());
      runs.add(r);
    }
    out.put("fold_runs", runs);
    return out;
  }
}
