package org.emoaudionet.worker;

import java.nio.file.Path;
import java.util.Map;
import org.emoaudionet.worker.LoggedModels.LoggedModel;
import org.emoaudionet.workflows.activity.RegisterActivity;
import org.emoaudionet.workflows.activity.RegisterInput;
import org.emoaudionet.workflows.activity.RegisterOutput;

/**
 * Task {@code register}: a new version of {@code emoaudionet-<dag_id>} made from the run's MLflow
 * logged model ({@code model_id}, source its artifact location), with a description and the test
 * metrics as tags. Train logs that model; if MLflow failed it there, it is logged here from the
 * model in S3 (then without an input example: the data is not at hand here).
 */
public final class RegisterActivityImpl implements RegisterActivity {
  private final WorkerContext ctx;

  public RegisterActivityImpl(WorkerContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public RegisterOutput register(RegisterInput in) {
    return WorkerContext.guarded(() -> {
      int attempt = WorkerContext.attempt();
      TaskLog log = new TaskLog("register", in.dagId(), in.dagRunId(), attempt);
      if (!ctx.store.exists(in.modelKey())) {
        throw new IllegalStateException("no model at " + ctx.store.uri(in.modelKey()));
      }
      String runId = in.mlflowRunId();
      String modelUri = ctx.store.uri(in.modelKey());
      ModelLogger models = new ModelLogger(ctx.mlflow);
      LoggedModel model = models.readyOf(runId).orElse(null);
      if (model == null) {
        log.say("the run has no READY MLflow logged model: logging it from " + modelUri);
        Path dir = ctx.scratch(in.dagId(), in.dagRunId(), "register");
        Path modelDir = dir.resolve("model");
        ctx.store.getDir(in.modelKey(), modelDir);
        model = models.log(runId, modelDir, null, dir,
            Map.of(RunTags.MODEL_URI, modelUri), log);
      }
      Map<String, Double> metrics = ctx.mlflow.runMetrics(runId);
      String description = VersionNotes.description(in.dagId(), in.dagRunId(), modelUri,
          ctx.mlflow.runParams(runId), ctx.mlflow.runTags(runId), metrics);
      String name = MlflowTracker.registeredModelName(in.dagId());
      String version = ctx.mlflow.registerModel(name, runId, model, description,
          VersionNotes.tags(in.dagRunId(), modelUri, metrics));
      log.say("registered " + name + " version " + version + " from MLflow logged model "
          + model.modelId() + " of run " + runId + " (model " + modelUri + ")");
      return new RegisterOutput(name, version, log.text(), attempt);
    });
  }
}
