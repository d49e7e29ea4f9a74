package org.emoaudionet.worker;

import static org.emoaudionet.mlflow.MlflowHttp.enc;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.emoaudionet.mlflow.ArtifactUri;
import org.emoaudionet.mlflow.Artifacts;
import org.emoaudionet.mlflow.FileInfo;
import org.emoaudionet.mlflow.MlflowClient;
import org.emoaudionet.mlflow.MlflowHttp;
import org.emoaudionet.mlflow.Tracking;

/**
 * MLflow 3's logged models over REST ({@code /api/2.0/mlflow/logged-models}, checked against the
 * 3.17 server's {@code service.proto}): a model is an entity of its own with an id
 * ({@code m-...}), an artifact location beside the runs' ({@code <exp>/models/<id>/artifacts}),
 * a status, the run that made it ({@code source_run_id}) and the registry versions made from it.
 * Only the worker logs models, so these calls stay here, over the shared client's
 * {@link MlflowHttp}.
 */
public final class LoggedModels {
  /** MLflow's {@code LoggedModelStatus} values, as its REST API spells them. */
  public static final String PENDING = "LOGGED_MODEL_PENDING";
  public static final String READY = "LOGGED_MODEL_READY";
  public static final String UPLOAD_FAILED = "LOGGED_MODEL_UPLOAD_FAILED";

  /** A logged model as {@code LoggedModelInfo} describes it. */
  public record LoggedModel(String modelId, String experimentId, String name, String artifactUri,
      String status, String sourceRunId, String modelType, Map<String, String> tags,
      Map<String, String> params) {
    public boolean ready() {
      return READY.equals(status);
    }

    static LoggedModel of(JsonNode model) {
      JsonNode i = model.path("info");
      return new LoggedModel(i.path("model_id").asText(), i.path("experiment_id").asText(),
          i.path("name").asText(), i.path("artifact_uri").asText(), i.path("status").asText(),
          i.path("source_run_id").asText(null), i.path("model_type").asText(null),
          Tracking.keyValues(i.path("tags")),
          Tracking.keyValues(model.path("data").path("params")));
    }
  }

  private final MlflowClient mlflow;
  private final MlflowHttp http;
  private final Artifacts artifacts;

  LoggedModels(MlflowClient mlflow) {
    this.mlflow = mlflow;
    this.http = mlflow.http();
    this.artifacts = mlflow.artifacts();
  }

  /** A new model, PENDING until {@link #finalizeModel}; its params and tags set at once. */
  public LoggedModel create(String experimentId, String name, String modelType,
      String sourceRunId, Map<String, String> params, Map<String, String> tags)
      throws IOException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("experiment_id", experimentId);
    body.put("name", name);
    if (modelType != null) body.put("model_type", modelType);
    if (sourceRunId != null) body.put("source_run_id", sourceRunId);
    body.put("params", Tracking.keyValueList(params));
    body.put("tags", Tracking.keyValueList(tags));
    return LoggedModel.of(http.post("/api/2.0/mlflow/logged-models", body).path("model"));
  }

  public LoggedModel get(String modelId) throws IOException {
    return LoggedModel.of(http.get("/api/2.0/mlflow/logged-models/" + enc(modelId))
        .path("model"));
  }

  /** The models run {@code runId} of experiment {@code experimentId} made, newest first. */
  public List<LoggedModel> ofRun(String experimentId, String runId) throws IOException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("experiment_ids", List.of(experimentId));
    body.put("filter", "source_run_id = '" + runId.replace("'", "\\'") + "'");
    body.put("order_by", List.of(Map.of("field_name", "creation_timestamp", "ascending", false)));
    List<LoggedModel> out = new ArrayList<>();
    for (JsonNode m : http.post("/api/2.0/mlflow/logged-models/search", body).path("models")) {
      out.add(LoggedModel.of(m));
    }
    return out;
  }

  /** Uploads one file to {@code relPath} of the model's artifacts, through the server's proxy. */
  public void upload(LoggedModel model, Path file, String relPath) throws IOException {
    artifacts.upload(ArtifactUri.proxyPath(model.artifactUri()), relPath, file);
  }

  /** Uploads every file of {@code dir} to the same relative path of the model's artifacts. */
  public int uploadDir(LoggedModel model, Path dir) throws IOException {
    return artifacts.uploadDir(ArtifactUri.proxyPath(model.artifactUri()), "", dir);
  }

  /** The names directly under {@code path} ("" for the top) of the model's artifacts. */
  public List<String> listArtifacts(LoggedModel model, String path) throws IOException {
    String root = ArtifactUri.proxyPath(model.artifactUri());
    return artifacts.listProxied(path.isEmpty() ? root : root + "/" + path).stream()
        .map(FileInfo::path).toList();
  }

  /** One text artifact of the model ({@code MLmodel}, the input example), as stored. */
  public String readArtifact(LoggedModel model, String path) throws IOException {
    return artifacts.readText(ArtifactUri.proxyPath(model.artifactUri()) + "/" + path);
  }

  /** Sets the model's status: {@link #READY} once its files are all there, or {@link #UPLOAD_FAILED}. */
  public LoggedModel finalizeModel(String modelId, String status) throws IOException {
    return LoggedModel.of(http.patch("/api/2.0/mlflow/logged-models/" + enc(modelId),
        Map.of("model_id", modelId, "status", status)).path("model"));
  }

  public void setTags(String modelId, Map<String, String> tags) throws IOException {
    http.patch("/api/2.0/mlflow/logged-models/" + enc(modelId) + "/tags",
        Map.of("model_id", modelId, "tags", Tracking.keyValueList(tags)));
  }

  /**
   * Makes the model an output of the run ({@code runs/outputs}): the run page's "Logged models"
   * and the model's "Source run". MLflow refuses the same pair twice, so a retry asks first.
   */
  public void logOutput(String runId, String modelId, long step) throws IOException {
    JsonNode run = mlflow.tracking().getRun(runId);
    for (JsonNode o : run.path("outputs").path("model_outputs")) {
      if (modelId.equals(o.path("model_id").asText())) return;
    }
    mlflow.tracking().logOutputs(runId, modelId, step);
  }
}
