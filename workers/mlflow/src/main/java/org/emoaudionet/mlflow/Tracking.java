package org.emoaudionet.mlflow;

import static org.emoaudionet.mlflow.MlflowHttp.enc;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Experiments and runs ({@code /api/2.0/mlflow/experiments/*}, {@code runs/*}). Runs come back as
 * MLflow's JSON ({@code info}, {@code data}, {@code inputs}, {@code outputs}) rather than a record:
 * MLflow 3 keeps adding fields to them, and each caller reads the few it needs.
 */
public final class Tracking {
  /** MLflow's limits per {@code runs/log-batch}: 1000 metrics, 100 params. */
  public static final int BATCH_METRICS = 1000;
  public static final int BATCH_PARAMS = 100;

  private final MlflowHttp http;

  Tracking(MlflowHttp http) {
    this.http = http;
  }

  /** The id of the experiment named {@code name}; empty when there is none. */
  public Optional<String> experimentIdByName(String name) throws IOException {
    try {
      return Optional.of(http.get("/api/2.0/mlflow/experiments/get-by-name?experiment_name="
          + enc(name)).path("experiment").path("experiment_id").asText());
    } catch (MlflowException e) {
      if (e.missing()) return Optional.empty();
      throw e;
    }
  }

  /** A new experiment; MLflow refuses a name in use (RESOURCE_ALREADY_EXISTS). */
  public String createExperiment(String name, Map<String, String> tags) throws IOException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", name);
    if (!tags.isEmpty()) body.put("tags", keyValueList(tags));
    return http.post("/api/2.0/mlflow/experiments/create", body).path("experiment_id").asText();
  }

  /** The experiment named {@code name} ({@code experiment_id}, {@code tags}, ...), if any. */
  public Optional<JsonNode> experimentByName(String name) throws IOException {
    try {
      return Optional.of(http.get("/api/2.0/mlflow/experiments/get-by-name?experiment_name="
          + enc(name)).path("experiment"));
    } catch (MlflowException e) {
      if (e.missing()) return Optional.empty();
      throw e;
    }
  }

  /** The experiment with id {@code experimentId}. */
  public JsonNode experiment(String experimentId) throws IOException {
    return http.get("/api/2.0/mlflow/experiments/get?experiment_id=" + enc(experimentId))
        .path("experiment");
  }

  public void setExperimentTag(String experimentId, String key, String value)
      throws IOException {
    http.post("/api/2.0/mlflow/experiments/set-experiment-tag", Map.of(
        "experiment_id", experimentId, "key", key, "value", value));
  }

  /** A new run of the experiment, started now; the reply's {@code run}. */
  public JsonNode createRun(String experimentId, String runName, Map<String, String> tags)
      throws IOException {
    return createRun(experimentId, runName, null, tags);
  }

  /** As {@link #createRun(String, String, Map)}, owned by {@code userId} (null: the server's). */
  public JsonNode createRun(String experimentId, String runName, String userId,
      Map<String, String> tags) throws IOException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("experiment_id", experimentId);
    body.put("run_name", runName);
    body.put("start_time", System.currentTimeMillis());
    if (userId != null) body.put("user_id", userId);
    if (!tags.isEmpty()) body.put("tags", keyValueList(tags));
    return http.post("/api/2.0/mlflow/runs/create", body).path("run");
  }

  /** Params of the run, {@link #BATCH_PARAMS} per call (MLflow refuses changing one). */
  public void logParams(String runId, Map<String, String> params) throws IOException {
    List<Map<String, String>> all = keyValueList(params);
    for (int i = 0; i < all.size(); i += BATCH_PARAMS) {
      http.post("/api/2.0/mlflow/runs/log-batch", Map.of("run_id", runId,
          "params", all.subList(i, Math.min(all.size(), i + BATCH_PARAMS))));
    }
  }

  /** Tags of the run, set or replaced; null values left out. */
  public void setTags(String runId, Map<String, String> tags) throws IOException {
    List<Map<String, String>> all = keyValueList(tags);
    if (all.isEmpty()) return;
    http.post("/api/2.0/mlflow/runs/log-batch", Map.of("run_id", runId, "tags", all));
  }

  /** Ends the run now with {@code status} (FINISHED, FAILED or KILLED). */
  public void endRun(String runId, String status) throws IOException {
    http.post("/api/2.0/mlflow/runs/update", Map.of("run_id", runId, "status", status,
        "end_time", System.currentTimeMillis()));
  }

  /** The run with everything MLflow 3 knows of it (dataset inputs, model inputs and outputs). */
  public JsonNode getRun(String runId) throws IOException {
    return http.get("/api/2.0/mlflow/runs/get?run_id=" + enc(runId)).path("run");
  }

  /**
   * The first {@code maxResults} runs of the experiments matching {@code filter} (MLflow's search
   * syntax), ordered by {@code orderBy} (empty: MLflow's order, newest first).
   */
  public List<JsonNode> searchRuns(List<String> experimentIds, String filter, int maxResults,
      List<String> orderBy) throws IOException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("experiment_ids", experimentIds);
    body.put("filter", filter);
    body.put("max_results", maxResults);
    if (!orderBy.isEmpty()) body.put("order_by", orderBy);
    List<JsonNode> out = new ArrayList<>();
    http.post("/api/2.0/mlflow/runs/search", body).path("runs").forEach(out::add);
    return out;
  }

  /**
   * Runs named {@code runName} in the experiment, newest first: a name is not unique in MLflow,
   * and a crashed and resumed DAG run must be seen to have made only one.
   */
  public List<JsonNode> runsNamed(String experimentId, String runName, int maxResults)
      throws IOException {
    return searchRuns(List.of(experimentId), "attributes.run_name = '"
        + runName.replace("'", "\\'") + "'", maxResults, List.of("attributes.start_time DESC"));
  }

  /** The newest run named {@code runName} in the experiment, if there is one. */
  public Optional<JsonNode> runNamed(String experimentId, String runName) throws IOException {
    return runsNamed(experimentId, runName, 1).stream().findFirst();
  }

  /**
   * Metrics of the run, {@link #BATCH_METRICS} per call; each a {@code Metric} as MLflow's JSON
   * has it (MLflow 3's {@code model_id}, {@code dataset_name}, {@code dataset_digest} included).
   */
  public void logMetrics(String runId, List<? extends Map<String, ?>> metrics)
      throws IOException {
    for (int i = 0; i < metrics.size(); i += BATCH_METRICS) {
      http.post("/api/2.0/mlflow/runs/log-batch", Map.of("run_id", runId,
          "metrics", metrics.subList(i, Math.min(metrics.size(), i + BATCH_METRICS))));
    }
  }

  /**
   * Records datasets as inputs of the run ({@code runs/log-inputs}); each element is a
   * {@code DatasetInput} ({@code {"tags": [...], "dataset": {...}}}).
   */
  public void logInputs(String runId, List<?> datasetInputs) throws IOException {
    if (datasetInputs.isEmpty()) return;
    http.post("/api/2.0/mlflow/runs/log-inputs", Map.of("run_id", runId,
        "datasets", datasetInputs));
  }

  /** Makes logged model {@code modelId} an output of the run ({@code runs/outputs}). */
  public void logOutputs(String runId, String modelId, long step) throws IOException {
    http.post("/api/2.0/mlflow/runs/outputs", Map.of("run_id", runId,
        "models", List.of(Map.of("model_id", modelId, "step", step))));
  }

  /** Latest value of each metric of a run (a {@code runs/get} or {@code runs/search} run). */
  public static Map<String, Double> metrics(JsonNode run) {
    Map<String, Double> m = new LinkedHashMap<>();
    run.path("data").path("metrics").forEach(x -> m.put(x.path("key").asText(),
        x.path("value").asDouble()));
    return m;
  }

  /** The run's tags by key. */
  public static Map<String, String> tags(JsonNode run) {
    return keyValues(run.path("data").path("tags"));
  }

  /** MLflow's {@code [{"key": k, "value": v}]} lists as a map, in their order. */
  public static Map<String, String> keyValues(JsonNode list) {
    Map<String, String> out = new LinkedHashMap<>();
    for (JsonNode t : list) out.put(t.path("key").asText(), t.path("value").asText());
    return out;
  }

  /** A map as MLflow's {@code [{"key": k, "value": v}]}, null values left out. */
  public static List<Map<String, String>> keyValueList(Map<String, String> m) {
    List<Map<String, String>> out = new ArrayList<>();
    m.forEach((k, v) -> {
      if (v != null) out.add(Map.of("key", k, "value", v));
    });
    return out;
  }
}
