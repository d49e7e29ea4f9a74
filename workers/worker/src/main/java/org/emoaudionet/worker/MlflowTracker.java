package org.emoaudionet.worker;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.emoaudionet.mlflow.ArtifactUri;
import org.emoaudionet.mlflow.FileInfo;
import org.emoaudionet.mlflow.MlflowClient;
import org.emoaudionet.mlflow.ModelVersion;
import org.emoaudionet.mlflow.RunInfo;
import org.emoaudionet.mlflow.Tracking;

/**
 * The MLflow side of a DAG run: experiment {@code <dag_id>}, run {@code <dag_run_id>}, params,
 * metrics, tags, artifacts, dataset inputs, logged models and the model registry, all through the
 * platform's one MLflow client ({@link MlflowClient}). Calls on runs and experiments fail
 * unchecked ({@link UncheckedIOException}, naming the call and MLflow's words): Temporal retries
 * the activity that made them, and the activities are written against that.
 */
public final class MlflowTracker implements AutoCloseable {
  private static final int PARAM_VALUE_MAX = 6000;

  private final MlflowClient rest;
  private final LoggedModels loggedModels;
  /** Experiments known to carry the kind tag: checked once per process, not once per run. */
  private final Set<String> kindTagged = ConcurrentHashMap.newKeySet();

  public MlflowTracker(String trackingUri) {
    String base = trackingUri.endsWith("/") ? trackingUri.substring(0, trackingUri.length() - 1)
        : trackingUri;
    this.rest = new MlflowClient(base);
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
    Optional<JsonNode> e = unchecked(() -> tracking().experimentByName(name));
    if (e.isPresent()) return kindTagged(e.get());
    Map<String, String> tags = new LinkedHashMap<>();
    tags.put(MlflowTags.EXPERIMENT_KIND, MlflowTags.CUSTOM_MODEL_DEVELOPMENT);
    if (description != null && !description.isBlank()) tags.put(MlflowTags.NOTE, description);
    try {
      String id = tracking().createExperiment(name, tags);
      kindTagged.add(id);
      return id;
    } catch (IOException raced) {
      // another worker made it between the look-up and the create: use theirs
      Optional<JsonNode> made = unchecked(() -> tracking().experimentByName(name));
      if (made.isEmpty()) throw new UncheckedIOException(raced);
      return kindTagged(made.get());
    }
  }

  private String kindTagged(JsonNode e) {
    String id = e.path("experiment_id").asText();
    if (kindTagged.contains(id)) return id;
    if (!Tracking.keyValues(e.path("tags")).containsKey(MlflowTags.EXPERIMENT_KIND)) {
      unchecked(() -> {
        tracking().setExperimentTag(id, MlflowTags.EXPERIMENT_KIND,
            MlflowTags.CUSTOM_MODEL_DEVELOPMENT);
        return null;
      });
    }
    kindTagged.add(id);
    return id;
  }

  /** The experiment's tags by key. */
  public Map<String, String> experimentTags(String experimentId) {
    return new TreeMap<>(Tracking.keyValues(
        unchecked(() -> tracking().experiment(experimentId)).path("tags")));
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
    List<JsonNode> found = unchecked(() -> tracking().searchRuns(List.of(exp),
        "tags.`emo.dag_run_id` = '" + dagRunId.replace("'", "\\'") + "'", 1, List.of()));
    if (!found.isEmpty()) return RunInfo.of(found.get(0));
    // the tags that find the run again are set with it, in the one call that makes it
    Map<String, String> tags = new LinkedHashMap<>();
    tags.put("temporal.workflow_id", workflowId);
    tags.put("emo.dag_id", dagId);
    tags.put("emo.dag_run_id", dagRunId);
    tags.put(MlflowTags.RUN_NAME, dagRunId);
    extraTags.forEach((k, v) -> {
      if (v != null) tags.put(k, v);
    });
    RunInfo run = RunInfo.of(unchecked(() -> tracking().createRun(exp, dagRunId,
        extraTags.get(MlflowTags.USER), tags)));
    Map<String, String> ps = new LinkedHashMap<>();
    params.forEach((k, v) -> {
      if (v != null) ps.put(k, v.length() > PARAM_VALUE_MAX ? v.substring(0, PARAM_VALUE_MAX) : v);
    });
    unchecked(() -> {
      tracking().logParams(run.runId(), ps);
      return null;
    });
    return run;
  }

  public void logMetrics(String runId, Map<String, Double> metrics, long step) {
    long now = System.currentTimeMillis();
    List<Map<String, Object>> ms = new ArrayList<>();
    metrics.forEach((k, v) -> {
      if (v != null && !v.isNaN() && !v.isInfinite()) {
        ms.add(Map.of("key", k, "value", v, "timestamp", now, "step", step));
      }
    });
    unchecked(() -> {
      tracking().logMetrics(runId, ms);
      return null;
    });
  }

  /**
   * Metrics of the run that are also the figures of logged model {@code modelId} on dataset
   * {@code datasetName}/{@code datasetDigest} (MLflow 3: the model's page and the experiment's
   * Models tab list them per dataset).
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
    return new TreeMap<>(Tracking.metrics(run(runId)));
  }

  /** The run's params by key. */
  public Map<String, String> runParams(String runId) {
    return new TreeMap<>(Tracking.keyValues(run(runId).path("data").path("params")));
  }

  /** The highest step any metric named {@code prefix...} has on the run, -1 when none has one. */
  public long lastStep(String runId, String prefix) {
    long last = -1;
    for (JsonNode m : run(runId).path("data").path("metrics")) {
      if (m.path("key").asText().startsWith(prefix)) last = Math.max(last, m.path("step").asLong());
    }
    return last;
  }

  public void setTags(String runId, Map<String, String> tags) {
    unchecked(() -> {
      tracking().setTags(runId, tags);
      return null;
    });
  }

  /** @param status FINISHED, FAILED or KILLED */
  public void endRun(String runId, String status) {
    unchecked(() -> {
      tracking().endRun(runId, status);
      return null;
    });
  }

  public RunInfo runInfo(String runId) {
    return RunInfo.of(run(runId));
  }

  /**
   * The run as MLflow 3's REST API gives it: with {@code inputs.dataset_inputs},
   * {@code inputs.model_inputs} and {@code outputs.model_outputs}.
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
        : runInfo(runId).artifactUri() + "/model";
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
    return new TreeMap<>(Tracking.tags(run(runId)));
  }

  /** {@code <experiment_id>/<run_id>/artifacts}, from the run's {@code mlflow-artifacts:/} URI. */
  String artifactRoot(String runId) {
    RunInfo info = runInfo(runId);
    String uri = info.artifactUri();
    if (ArtifactUri.proxied(uri)) return ArtifactUri.proxyPath(uri);
    return info.experimentId() + "/" + runId + "/artifacts";
  }

  private Tracking tracking() {
    return rest.tracking();
  }

  private JsonNode run(String runId) {
    return unchecked(() -> tracking().getRun(runId));
  }

  /** A call of the REST client whose IOException reaches the activity unchecked. */
  private interface Call<T> {
    T run() throws IOException;
  }

  private static <T> T unchecked(Call<T> call) {
    try {
      return call.run();
    } catch (IOException e) {
      throw new UncheckedIOException(e.getMessage(), e);
    }
  }

  /** Nothing to release: the REST client holds only the JDK's connection pool. */
  @Override
  public void close() {}
}
