package org.emoaudionet.worker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.emoaudionet.features.FeatureSource;
import org.emoaudionet.worker.LoggedModels.LoggedModel;
import org.emoaudionet.mlflow.RunInfo;

/**
 * Logs a run's model folder as an MLflow logged model, the way MLflow 3's {@code log_model}
 * does: create it PENDING (named {@value #NAME}, params copied from the run), make it an output
 * of the run, upload the model's own files and beside them {@code MLmodel} (the
 * {@value EmoFlavor#NAME} flavour and the signature) and the input example, then finalize it
 * READY (UPLOAD_FAILED if an upload fails).
 *
 * <p>The logged model holds the files {@code model.tar.gz} in S3 holds, not a pointer to it: the
 * registry version made from it takes its artifact location as source, which the API's serving
 * downloads through MLflow's proxy and opens with {@code ScoringModels.load} (the MLmodel and
 * example files beside the model's do not disturb it), and MLflow's own
 * {@code mlflow artifacts download -u models:/<id>} gives a folder that loads. A retry reuses the
 * model the run already has and uploads again over it.
 */
final class ModelLogger {
  /** The logged model's name, as {@code log_model(name="model")} would give it. */
  static final String NAME = "model";

  private final MlflowTracker mlflow;

  ModelLogger(MlflowTracker mlflow) {
    this.mlflow = mlflow;
  }

  /**
   * @param data the run's data, whose first TEST segment becomes the input example (null: none)
   * @param scratch a folder of this attempt for MLmodel and the example
   * @param tags more tags of the model ({@code emo.model_uri}, ...)
   */
  LoggedModel log(String runId, Path modelDir, FeatureSource<?> data, Path scratch,
      Map<String, String> tags, TaskLog log) throws IOException {
    RunInfo run = mlflow.runInfo(runId);
    EmoFlavor flavor = EmoFlavor.of(modelDir);
    LoggedModels models = mlflow.loggedModels();
    LoggedModel model = ofRun(run).orElse(null);
    if (model == null) {
      Map<String, String> t = new LinkedHashMap<>(tags);
      t.put(RunTags.MODEL_FORMAT, flavor.format());
      model = models.create(run.experimentId(), NAME, flavor.format(), runId,
          mlflow.runParams(runId), t);
    } else {
      log.say("reusing MLflow logged model " + model.modelId() + " of an earlier attempt");
    }
    try {
      models.logOutput(runId, model.modelId(), 0);
      Path meta = Files.createDirectories(scratch.resolve("mlflow-model"));
      InputExample example = InputExample.of(data, flavor).orElse(null);
      if (example != null) example.write(meta);
      MlmodelFile.write(meta, flavor, model, runId, example);
      int n = models.uploadDir(model, modelDir) + models.uploadDir(model, meta);
      LoggedModel ready = models.finalizeModel(model.modelId(), LoggedModels.READY);
      log.say("model logged to MLflow as logged model " + ready.modelId() + " (" + n + " files, "
          + (example == null ? "no input example: signature only" : "input example "
              + example.provenance()) + ")");
      return ready;
    } catch (IOException | RuntimeException e) {
      try {
        models.finalizeModel(model.modelId(), LoggedModels.UPLOAD_FAILED);
      } catch (IOException | RuntimeException also) {
        e.addSuppressed(also);
      }
      throw e;
    }
  }

  /** The run's logged model (the newest, if a retry ever made two), whatever its status. */
  Optional<LoggedModel> ofRun(String runId) throws IOException {
    return ofRun(mlflow.runInfo(runId));
  }

  /** The run's logged model if it is READY: the one register and evaluate link to. */
  Optional<LoggedModel> readyOf(String runId) throws IOException {
    return ofRun(runId).filter(LoggedModel::ready);
  }

  private Optional<LoggedModel> ofRun(RunInfo run) throws IOException {
    return mlflow.loggedModels().ofRun(run.experimentId(), run.runId()).stream()
        .filter(m -> NAME.equals(m.name())).findFirst();
  }
}
