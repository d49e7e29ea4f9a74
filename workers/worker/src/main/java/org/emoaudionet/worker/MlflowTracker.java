package org.emoaudionet.worker;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.emoaudionet.mlflow.ArtifactUri;
import org.emoaudionet.mlflow.FileInfo;
import org.emoaudionet.mlflow.ModelVersion;
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
 * and metrics go through MLflow's Java client (its rate-limit retries and runtime exceptions are
 * what the activities are written against); the rest through the platform's REST client
 * ({@link org.emoaudionet.mlflow.MlflowClient}): the Java client is MLflow 2's and knows neither
 * logged models nor model-linked metrics.
 */
public final class MlflowTracker implements AutoCloseable {
  private static final int PARAM_VALUE_MAX = 6000;

  private final MlflowClient client;
  private final org.emoaudionet.mlflow.MlflowClient rest;
  private final LoggedModels loggedModels;
  /** Experiments known to carry the kind tag: checked once per process, not once per run. */
  private final Set<String> kindTagged = ConcurrentHashMap.newKeySet();

  public MlflowTracker(String trackingUri) {
    String base = trackingUri.endsWith("/") ? trackingUri.substring(0, trackingUri.length() - 1)
        : trackingUri;
    this.client = new MlflowClient(base);
    this.rest = new org.emoaudionet.mlflow.MlflowClient(base);
    this.loggedModels = new LoggedModels(rest);
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
    rest.tracking().logMetrics(runId, ms);
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
    return rest.tracking().getRun(runId);
  }

  /**
   * Records datasets as inputs of the run ({@code runs/log-inputs}); each element is a
   * {@code DatasetInput} ({@code {"tags": [...], "dataset": {...}}}). MLflow keeps one input per
   * dataset (name and digest) and run, so a retry logs nothing twice.
   */
  public void logInputs(String runId, List<?> datasetInputs) throws IOException {
    rest.tracking().logInputs(runId, datasetInputs);
  }

  /** Uploads one file as run artifact {@code artifactPath} through the server's proxy. */
  public void logArtifact(String runId, Path file, String artifactPath) throws IOException {
    rest.artifacts().upload(artifactRoot(runId), artifactPath, file);
  }

  /** Uploads every file of {@code dir} under {@code artifactPath/}. */
  public int logArtifacts(String runId, Path dir, String artifactPath) throws IOException {
    return rest.artifacts().uploadDir(artifactRoot(runId), artifactPath, dir);
  }

  /** Paths of the run's artifacts directly under {@code path} ("" for the top), as the UI lists them. */
  public List<String> listArtifacts(String runId, String path) throws IOException {
    return rest.artifacts().list(runId, path).stream().map(FileInfo::path).toList();
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
    for (ModelVersion v : rest.registry().versions(name)) {
      if (runId.equals(v.runId())) return v.version();
    }
    rest.registry().create(name);
    String source = model != null ? model.artifactUri()
        : runInfo(runId).getArtifactUri() + "/model";
    return rest.registry().createVersion(name, source, runId,
        model == null ? null : model.modelId(), description, tags).version();
  }

  /** The registered version as MLflow gives it (source, description, tags, ...). */
  public ModelVersion modelVersion(String name, String version) throws IOException {
    return rest.registry().version(name, version).orElseThrow(() -> new IOException(
        "MLflow has no version " + version + " of registered model " + name));
  }

  /** Sets tags of a registered version (one call each: MLflow has no batch for these). */
  public void setModelVersionTags(String name, String version, Map<String, String> tags)
      throws IOException {
    rest.registry().setVersionTags(name, version, tags);
  }

  /**
   * The version {@code alias} of {@code name} points at; empty when the model or the alias does
   * not exist.
   */
  public Optional<ModelVersion> aliasedVersion(String name, String alias) throws IOException {
    return rest.registry().aliased(name, alias);
  }

  /** Points {@code alias} of {@code name} at {@code version} (moving it if it named another). */
  public void setAlias(String name, String alias, String version) throws IOException {
    rest.registry().setAlias(name, alias, version);
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
    if (ArtifactUri.proxied(uri)) return ArtifactUri.proxyPath(uri);
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
