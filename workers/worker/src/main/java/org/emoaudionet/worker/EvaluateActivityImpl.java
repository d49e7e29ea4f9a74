package org.emoaudionet.worker;

import io.temporal.activity.Activity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.emoaudionet.data.Split;
import org.emoaudionet.features.FeatureSet;
import org.emoaudionet.features.FeatureSource;
import org.emoaudionet.metrics.EvaluationReport;
import org.emoaudionet.metrics.Evaluator;
import org.emoaudionet.model.ScoringModel;
import org.emoaudionet.model.ScoringModels;
import org.emoaudionet.train.EpochMetrics;
import org.emoaudionet.workflows.activity.EpochSummary;
import org.emoaudionet.workflows.activity.EvaluateActivity;
import org.emoaudionet.workflows.activity.EvaluateInput;
import org.emoaudionet.workflows.activity.EvaluateOutput;
import org.emoaudionet.workflows.activity.S3Keys;

public final class EvaluateActivityImpl implements EvaluateActivity {
  /** What the Evaluator writes; each goes to S3 next to the model and to MLflow. */
  static final List<String> OUTPUTS =
      List.of("metrics.json", "confusion_matrix.png", "confusion_matrix_recording.png",
          "confusion_matrix_participant.png", "learning_curves.png", "predictions_recording.csv");

  private final WorkerContext ctx;

  public EvaluateActivityImpl(WorkerContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public EvaluateOutput evaluate(EvaluateInput in) {
    return WorkerContext.guarded(() -> {
      int attempt = WorkerContext.attempt();
      TaskLog log = new TaskLog("evaluate", in.dagId(), in.dagRunId(), attempt);
      Path dir = ctx.scratch(in.dagId(), in.dagRunId(), "evaluate");
      try (Heartbeater hb = new Heartbeater(Activity.getExecutionContext(), "evaluate")) {
        Path modelDir = dir.resolve("model");
        ctx.store.getDir(in.trained().modelKey(), modelDir);
        FeatureSource<?> data = ctx.source(in.features(), in.conf(), log);
        List<EpochMetrics> history = new ArrayList<>();
        for (EpochSummary s : in.trained().history()) history.add(EpochSummaries.metrics(s));
        String protocol = in.conf().split();
        Path out = Files.createDirectories(dir.resolve("report"));
        EvaluationReport report;
        try (ScoringModel model = ScoringModels.load(modelDir)) {
          report = Evaluator.evaluate(model, data, protocol, history, in.participantLevel(), out);
        }
        Map<String, Double> metrics = TestMetrics.of(report.scalars());
        log.say("test metrics: " + metrics);
        List<String> uris = new ArrayList<>();
        String metricsUri = null;
        for (String name : OUTPUTS) {
          Path f = out.resolve(name);
          if (!Files.isRegularFile(f)) continue;
          String key = S3Keys.run(in.dagId(), in.dagRunId(), name);
          ctx.store.putFile(key, f);
          uris.add(ctx.store.uri(key));
          if (name.equals("metrics.json")) metricsUri = ctx.store.uri(key);
          if (in.mlflowRunId() != null) ctx.mlflow.logArtifact(in.mlflowRunId(), f, name);
        }
        if (metricsUri == null) throw new IllegalStateException("Evaluator wrote no metrics.json");
        if (in.mlflowRunId() != null) {
          logTestMetrics(in, data, metrics, log);
          ctx.mlflow.setTags(in.mlflowRunId(), Map.of(RunTags.METRICS_URI, metricsUri,
              RunTags.MODEL_URI, in.trained().modelUri()));
          log.say("metrics and " + uris.size() + " files logged to MLflow run " + in.mlflowRunId());
        }
        log.say("stored " + String.join(", ", uris));
        hb.update("done");
        return new EvaluateOutput(metrics, metricsUri, uris, log.text(), attempt);
      }
    });
  }

  /**
   * The test split as the run's {@code test} dataset input, and the test metrics as the run's
   * and, when train logged one, as its logged model's figures on that dataset (the model's page
   * and the experiment's Models tab then show them).
   */
  private void logTestMetrics(EvaluateInput in, FeatureSource<?> data, Map<String, Double> metrics,
      TaskLog log) throws IOException {
    String runId = in.mlflowRunId();
    String dataset = RunDatasets.name(in.conf().datasetUri(), Split.TEST);
    boolean hasTest = !data.labelsOf(Split.TEST).isEmpty();
    try {
      ctx.mlflow.logInputs(runId, RunDatasets.inputs(data, in.features(), in.conf().datasetUri(),
          Split.TEST));
    } catch (IOException | RuntimeException e) {
      log.say("MLflow test dataset input not logged: " + e.getMessage());
      hasTest = false;
    }
    Optional<LoggedModels.LoggedModel> model;
    try {
      model = new ModelLogger(ctx.mlflow).readyOf(runId);
    } catch (IOException | RuntimeException e) {
      model = Optional.empty();
    }
    if (model.isEmpty()) {
      ctx.mlflow.logMetrics(runId, metrics, 0);
      return;
    }
    ctx.mlflow.logModelMetrics(runId, metrics, 0, model.get().modelId(),
        hasTest ? dataset : null, hasTest ? RunDatasets.digest(in.features()) : null);
  }
}
