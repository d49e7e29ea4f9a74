package org.emoaudionet.worker;

import static org.emoaudionet.worker.MlflowHttp.enc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.mlflow.api.proto.Service.CreateExperiment;
import org.mlflow.api.proto.Service.CreateRun;
import org.mlflow.api.proto.Service.Experiment;
import org.mlflow.api.proto.Service.ExperimentTag;
import org.mlflow.api.proto.Service.Metric;
import org.mlflow.api.proto.Service.Param;
import org.mlflow.api.proto.Service.RunInfo;
import org.mlflow.api.proto.Service.RunStatus;
import org.mlflow.api.proto.Service.RunTag;
import org.mlflow.tracking.MlflowClient;

/**
 * The MLflow side of a DAG run: experiment {@code <dag_id>}, run {@code <dag_run_id>}, params,
 * metrics, tags, artifacts, dataset inputs, logged models and the model registry. Runs, params
 * and metrics go through the Java client; the rest through REST ({@link MlflowHttp}): the Java
 * client is MLflow 2's and knows neither logged models nor model-linked metrics.
 */
public final class MlflowTracker implements AutoCloseable {
  private static final ObjectMapper JSON = MlflowHttp.JSON;
  private static final int PARAM_VALUE_MAX = 6000;

  private final MlflowClient client;
  private final MlflowHttp http;
  private final LoggedModels loggedModels;
  /** Experiments known to carry the kind tag: checked once per process, not once per run. */
  private final Set<String> kindTagged = ConcurrentHashMap.newKeySet();

  public MlflowTracker(String trackingUri) {
    String base = trackingUri.endsWith("/") ? trackingUri.substring(0, trackingUri.length() - 1)
        : trackingUri;
    this.client = new MlflowClient(base);
    this.http = new MlflowHttp(base);
    this.loggedModels = new LoggedModels(http);
  }

  /** MLflow 3's logged models (a model as an entity of its own, linked to runs and versions). */
  public LoggedModels loggedModels() {
    return loggedModels;
  }

  public static String registeredModelName(String dagId) {
    return "emoaudionet-" + dagId;
  }

  /** The experiment named {@code name}, created when missing (also by a concurrent worker). */
  public String experimentId(String name) {
    return experimentId(name, null);
  }

  /**
   * As {@link #experimentId(String)}; a new experiment gets {@code description} as its note. Every
   * experiment is filed as model training ({@value MlflowTags#EXPERIMENT_KIND}), one made before
   * this tag existed too, so that MLflow 3's UI shows runs, models and charts, not GenAI tabs.
   */
  public String experimentId(String name, String description) {
    Optional<Experiment> e = client.getExperimentByName(name);
    if (e.isPresent()) return kindTagged(e.get());
    CreateExperiment.Builder create = CreateExperiment.newBuilder().setName(name)
        .addTags(experimentTag(MlflowTags.EXPERIMENT_KIND, MlflowTags.CUSTOM_MODEL_DEVELOPMENT));
    if (description != null && !description.isBlank()) {
      create.addTags(experimentTag(MlflowTags.NOTE, description));
    }
    try {
      String id = client.createExperiment(create.build());
      kindTagged.add(id);
      return id;
    } catch (RuntimeException raced) {
      return kindTagged(client.getExperimentByName(name).orElseThrow(() -> raced));
    }
  }

  private String kindTagged(Experiment e) {
    String id = e.getExperimentId();
    if (kindTagged.contains(id)) return id;
    boolean has = e.getTagsList().stream()
        .anyMatch(t -> t.getKey().equals(MlflowTags.EXPERIMENT_KIND));
    if (!has) {
      client.setExperimentTag(id, MlflowTags.EXPERIMENT_KIND, MlflowTags.CUSTOM_MODEL_DEVELOPMENT);
    }
    kindTagged.add(id);
    return id;
  }

  /** The experiment's tags by key. */
  public Map<String, String> experimentTags(String experimentId) {
    Map<String, String> tags = new java.util.TreeMap<>();
    client.getExperiment(experimentId).getTagsList()
        .forEach(t -> tags.put(t.getKey(), t.getValue()));
    return tags;
  }

  /**
   * The run of a DAG run; a retried start finds the run it already made (by tag) instead of
   * making a second one.
   */
  public RunInfo startRun(String dagId, String dagRunId, String workflowId,
      Map<String, String> params) {
    return startRun(dagId, dagRunId, workflowId, params, Map.of());
  }

  /**
   * As {@link #startRun(String, String, String, Map)}, with more tags set at creation, e.g.
   * {@code mlflow.parentRunId} for a cross-validation fold (MLflow nests it under its parent).
   * A {@value MlflowTags#USER} among them is also the run's {@code user_id}.
   */
  public RunInfo startRun(String dagId, String dagRunId, String workflowId,
      Map<String, String> params, Map<String, String> extraTags) {
    String exp = experimentId(dagId);
    List<RunInfo> found = client.searchRuns(List.of(exp),
        "tags.`emo.dag_run_id` = '" + dagRunId.replace("'", "\\'") + "'");
    if (!found.isEmpty()) return found.get(0);
    CreateRun.Builder create = CreateRun.newBuilder()
        .setExperimentId(exp).setRunName(dagRunId).setStartTime(System.currentTimeMillis());
    String user = extraTags.get(MlflowTags.USER);
    if (user != null) create.setUserId(user);
    RunInfo run = client.createRun(create.build());
    List<RunTag> tags = new ArrayList<>(List.of(tag("temporal.workflow_id", workflowId),
        tag("emo.dag_id", dagId), tag("emo.dag_run_id", dagRunId),
        tag(MlflowTags.RUN_NAME, dagRunId)));
    extraTags.forEach((k, v) -> {
      if (v != null) tags.add(tag(k, v));
    });
    List<Param> ps = new ArrayList<>();
    params.forEach((k, v) -> {
      if (v != null) {
        String val = v.length() > PARAM_VALUE_MAX ? v.substring(0, PARAM_VALUE_MAX) : v;
        ps.add(Param.newBuilder().setKey(k).setValue(val).build());
      }
    });
    client.logBatch(run.getRunId(), List.of(), List.of(), tags);
    for (int i = 0; i < ps.size(); i += 100) {
      client.logBatch(run.getRunId(), List.of(), ps.subList(i, Math.min(ps.size(), i + 100)),
          List.of());
    }
    return run;
  }

  public void logMetrics(String runId, Map<String, Double> metrics, long step) {
    long now = System.currentTimeMillis();
    List<Metric> ms = new ArrayList<>();
    metrics.forEach((k, v) -> {
      if (v != null && !v.isNaN() && !v.isInfinite()) {
        ms.add(Metric.newBuilder().setKey(k).setValue(v).setTimestamp(now).setStep(step).build());
      }
    });
    for (int i = 0; i < ms.size(); i += 1000) {
      client.logBatch(runId, ms.subList(i, Math.min(ms.size(), i + 1000)), List.of(), List.of());
    }
  }

  /**
   * Metrics of the run that are also the figures of logged model {@code modelId} on dataset
   * {@code datasetName}/{@code datasetDigest} (MLflow 3: the model's page and the experiment's
   * Models tab list them per dataset). Through REST: the Java client's Metric has no such fields.
   */
  public void logModelMetrics(String runId, Map<String, Double> metrics, long step, String modelId,
      String datasetName, String datasetDigest) throws IOException {
    long now = System.currentTimeMillis();
    List<Map<String, Object>> ms = new ArrayList<>();
    metrics.forEach((k, v) -> {
      if (v != null && !v.isNaN() && !v.isInfinite()) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("key", k);
        m.put("value", v);
        m.put("timestamp", now);
        m.put("step", step);
        m.put("model_id", modelId);
        if (datasetName != null) {
          m.put("dataset_name", datasetName);
          m.put("dataset_digest", datasetDigest);
        }
        ms.add(m);
      }
    });
    for (int i = 0; i < ms.size(); i += 1000) {
      http.post("/api/2.0/mlflow/runs/log-batch", Map.of("run_id", runId,
          "metrics", ms.subList(i, Math.min(ms.size(), i + 1000))));
    }
  }

  /** The run's metrics, each at its latest value. */
  public Map<String, Double> runMetrics(String runId) {
    Map<String, Double> out = new java.util.TreeMap<>();
    client.getRun(runId).getData().getMetricsList().forEach(m -> out.put(m.getKey(), m.getValue()));
    return out;
  }

  /** The run's params by key. */
  public Map<String, String> runParams(String runId) {
    Map<String, String> out = new java.util.TreeMap<>();
    client.getRun(runId).getData().getParamsList().forEach(p -> out.put(p.getKey(), p.getValue()));
    return out;
  }

  /** The highest step any metric named {@code prefix...} has on the run, -1 when none has one. */
  public long lastStep(String runId, String prefix) {
    return client.getRun(runId).getData().getMetricsList().stream()
        .filter(m -> m.getKey().startsWith(prefix)).mapToLong(Metric::getStep).max().orElse(-1);
  }

  public void setTags(String runId, Map<String, String> tags) {
    List<RunTag> ts = new ArrayList<>();
    tags.forEach((k, v) -> {
      if (v != null) ts.add(tag(k, v));
    });
    if (!ts.isEmpty()) client.logBatch(runId, List.of(), List.of(), ts);
  }

  /** @param status FINISHED, FAILED or KILLED */
  public void endRun(String runId, String status) {
    client.setTerminated(runId, RunStatus.valueOf(status), System.currentTimeMillis());
  }

  public RunInfo runInfo(String runId) {
    return client.getRun(runId).getInfo();
  }

  /**
   * The run as MLflow 3's REST API gives it: with {@code inputs.dataset_inputs},
   * {@code inputs.model_inputs} and {@code outputs.model_outputs}, which the Java client drops.
   */
  public JsonNode runJson(String runId) throws IOException {
    return http.get("/api/2.0/mlflow/runs/get?run_id=" + enc(runId)).path("run");
  }

  /**
   * Records datasets as inputs of the run ({@code runs/log-inputs}); each element is a
   * {@code DatasetInput} ({@code {"tags": [...], "dataset": {...}}}). MLflow keeps one input per
   * dataset (name and digest) and run, so a retry logs nothing twice.
   */
  public void logInputs(String runId, List<?> datasetInputs) throws IOException {
    if (datasetInputs.isEmpty()) return;
    http.post("/api/2.0/mlflow/runs/log-inputs", Map.of("run_id", runId,
        "datasets", datasetInputs));
  }

  /** Uploads one file as run artifact {@code artifactPath} through the server's proxy. */
  public void logArtifact(String runId, Path file, String artifactPath) throws IOException {
    http.upload(artifactRoot(runId), artifactPath, file);
  }

  /** Uploads every file of {@code dir} under {@code artifactPath/}. */
  public int logArtifacts(String runId, Path dir, String artifactPath) throws IOException {
    int n = 0;
    String root = artifactRoot(runId);
    for (Path f : files(dir)) {
      String rel = dir.relativize(f).toString().replace('\\', '/');
      http.upload(root, artifactPath.isEmpty() ? rel : artifactPath + "/" + rel, f);
      n++;
    }
    return n;
  }

  /** The regular files under {@code dir}, in name order. */
  static List<Path> files(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).sorted().toList();
    }
  }

  /** Paths of the run's artifacts directly under {@code path} ("" for the top), as the UI lists them. */
  public List<String> listArtifacts(String runId, String path) throws IOException {
    JsonNode body = http.get("/api/2.0/mlflow/artifacts/list?run_id=" + enc(runId)
        + (path.isEmpty() ? "" : "&path=" + enc(path)));
    List<String> out = new ArrayList<>();
    for (JsonNode f : body.path("files")) out.add(f.path("path").asText());
    return out;
  }

  /**
   * A version of {@code name} made from the run's {@code model} artifact folder (how runs logged
   * their model before logged models); a retry finds the version it made before.
   *
   * @return the version number
   */
  public String registerModel(String name, String runId) throws IOException {
    return registerModel(name, runId, null, null, Map.of());
  }

  /**
   * A version of {@code name} made from logged model {@code model} of the run: its source is the
   * model's artifact location and its {@code model_id} the model (MLflow then lists the version
   * on the model's page); without a model, from the run's {@code model} artifact folder. A retry
   * finds the version it made before.
   *
   * @param description the version's description (Markdown in the UI); null for none
   * @param tags version tags, set at creation
   * @return the version number
   */
  public String registerModel(String name, String runId, LoggedModels.LoggedModel model,
      String description, Map<String, String> tags) throws IOException {
    for (JsonNode v : http.get("/api/2.0/mlflow/model-versions/search?filter="
        + enc("name='" + name + "'")).path("model_versions")) {
      if (runId.equals(v.path("run_id").asText())) return v.path("version").asText();
    }
    HttpResponse<String> created = http.postRaw("/api/2.0/mlflow/registered-models/create",
        Map.of("name", name));
    if (created.statusCode() / 100 != 2 && !created.body().contains("RESOURCE_ALREADY_EXISTS")) {
      throw new IOException("MLflow registered-models/create " + name + ": HTTP "
          + created.statusCode() + " " + created.body());
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", name);
    body.put("run_id", runId);
    if (model != null) {
      body.put("source", model.artifactUri());
      body.put("model_id", model.modelId());
    } else {
      body.put("source", runInfo(runId).getArtifactUri() + "/model");
    }
    if (description != null) body.put("description", description);
    List<Map<String, String>> ts = new ArrayList<>();
    tags.forEach((k, v) -> {
      if (v != null) ts.add(Map.of("key", k, "value", v));
    });
    if (!ts.isEmpty()) body.put("tags", ts);
    return http.post("/api/2.0/mlflow/model-versions/create", body)
        .path("model_version").path("version").asText();
  }

  /** The registered version as MLflow gives it ({@code model_id}, {@code tags}, ...). */
  public JsonNode modelVersion(String name, String version) throws IOException {
    return http.get("/api/2.0/mlflow/model-versions/get?name=" + enc(name) + "&version="
        + enc(version)).path("model_version");
  }

  /** Sets tags of a registered version (one call each: MLflow has no batch for these). */
  public void setModelVersionTags(String name, String version, Map<String, String> tags)
      throws IOException {
    for (Map.Entry<String, String> t : tags.entrySet()) {
      if (t.getValue() == null) continue;
      http.post("/api/2.0/mlflow/model-versions/set-tag", Map.of("name", name,
          "version", version, "key", t.getKey(), "value", t.getValue()));
    }
  }

  /** A registered model version: its number, the run that made it and its source URI. */
  public record ModelVersionRef(String name, String version, String runId, String source) {}

  /**
   * The version {@code alias} of {@code name} points at; empty when the model or the alias does
   * not exist (MLflow 2 answers 404 RESOURCE_DOES_NOT_EXIST; MLflow 3 answers a missing alias of
   * an existing model with 400 INVALID_PARAMETER_VALUE "Registered model alias ... not found.").
   */
  public Optional<ModelVersionRef> aliasedVersion(String name, String alias) throws IOException {
    String path = "/api/2.0/mlflow/registered-models/alias?name=" + enc(name) + "&alias="
        + enc(alias);
    HttpResponse<String> r = http.getRaw(path);
    if (r.statusCode() == 404 || r.body().contains("RESOURCE_DOES_NOT_EXIST")
        || (r.statusCode() == 400 && r.body().contains("alias " + alias + " not found"))) {
      return Optional.empty();
    }
    if (r.statusCode() / 100 != 2) {
      throw new IOException("MLflow GET " + path + ": HTTP " + r.statusCode() + " " + r.body());
    }
    JsonNode v = JSON.readTree(r.body()).path("model_version");
    return Optional.of(new ModelVersionRef(name, v.path("version").asText(),
        v.path("run_id").asText(), v.path("source").asText()));
  }

  /** Points {@code alias} of {@code name} at {@code version} (moving it if it named another). */
  public void setAlias(String name, String alias, String version) throws IOException {
    HttpResponse<String> r = http.postRaw("/api/2.0/mlflow/registered-models/alias",
        Map.of("name", name, "alias", alias, "version", version));
    if (r.statusCode() / 100 != 2) {
      throw new IOException("MLflow registered-models/alias " + name + "@" + alias + " -> "
          + version + ": HTTP " + r.statusCode() + " " + r.body());
    }
  }

  /** The run's tags by key. */
  public Map<String, String> runTags(String runId) {
    Map<String, String> tags = new java.util.TreeMap<>();
    client.getRun(runId).getData().getTagsList().forEach(t -> tags.put(t.getKey(), t.getValue()));
    return tags;
  }

  /** {@code <experiment_id>/<run_id>/artifacts}, from the run's {@code mlflow-artifacts:/} URI. */
  String artifactRoot(String runId) {
    RunInfo info = runInfo(runId);
    String uri = info.getArtifactUri();
    if (uri.startsWith("mlflow-artifacts:")) return MlflowHttp.artifactPath(uri);
    return info.getExperimentId() + "/" + runId + "/artifacts";
  }

  private static RunTag tag(String k, String v) {
    return RunTag.newBuilder().setKey(k).setValue(v).build();
  }

  private static ExperimentTag experimentTag(String k, String v) {
    return ExperimentTag.newBuilder().setKey(k).setValue(v).build();
  }

  @Override
  public void close() {
    client.close();
  }
}
