package org.emoaudionet.stack;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The few MLflow REST calls the stack reads results with. */
public final class MlflowRest {
  private final String baseUrl;

  public MlflowRest(String baseUrl) {
    this.baseUrl = baseUrl.replaceAll("/+$", "");
  }

  public Optional<String> experimentId(String name) {
    JsonHttp.Reply r = JsonHttp.send("GET", baseUrl
        + "/api/2.0/mlflow/experiments/get-by-name?experiment_name=" + enc(name), null, null);
    if (r.status() == 404) {
      return Optional.empty();
    }
    if (!r.ok()) {
      throw new IllegalStateException("MLflow get-by-name " + name + " -> HTTP " + r.status()
          + ": " + JsonHttp.abbreviate(r.raw()));
    }
    return Optional.of(r.body().path("experiment").path("experiment_id").asText());
  }

  /** The run named {@code runName} in the experiment, newest first if there are several. */
  public Optional<JsonNode> runByName(String experimentId, String runName) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("experiment_ids", List.of(experimentId));
    body.put("filter", "attributes.run_name = '" + runName.replace("'", "\\'") + "'");
    body.put("max_results", 1);
    body.put("order_by", List.of("attributes.start_time DESC"));
    JsonNode r = JsonHttp.call("POST", baseUrl + "/api/2.0/mlflow/runs/search", body, null);
    JsonNode runs = r.path("runs");
    return runs.isArray() && runs.size() > 0 ? Optional.of(runs.get(0)) : Optional.empty();
  }

  /** Every run named {@code runName} in the experiment (a crash drill checks there is one). */
  public List<JsonNode> runsByName(String experimentId, String runName) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("experiment_ids", List.of(experimentId));
    body.put("filter", "attributes.run_name = '" + runName.replace("'", "\\'") + "'");
    body.put("max_results", 100);
    JsonNode runs = JsonHttp.call("POST", baseUrl + "/api/2.0/mlflow/runs/search", body, null)
        .path("runs");
    List<JsonNode> out = new java.util.ArrayList<>();
    if (runs.isArray()) runs.forEach(out::add);
    return out;
  }

  /** Latest value of each metric of a run (from runs/search or runs/get). */
  public static Map<String, Double> metrics(JsonNode run) {
    Map<String, Double> m = new LinkedHashMap<>();
    run.path("data").path("metrics").forEach(x -> m.put(x.path("key").asText(),
        x.path("value").asDouble()));
    return m;
  }

  public static Map<String, String> tags(JsonNode run) {
    Map<String, String> m = new LinkedHashMap<>();
    run.path("data").path("tags").forEach(x -> m.put(x.path("key").asText(),
        x.path("value").asText()));
    return m;
  }

  /** Artifact paths of a run, recursively (files only). */
  public List<String> artifacts(String runId) {
    List<String> out = new ArrayList<>();
    listInto(runId, null, out, 0);
    return out;
  }

  private void listInto(String runId, String path, List<String> out, int depth) {
    String url = baseUrl + "/api/2.0/mlflow/artifacts/list?run_id=" + enc(runId)
        + (path == null ? "" : "&path=" + enc(path));
    for (JsonNode f : JsonHttp.call("GET", url, null, null).path("files")) {
      if (f.path("is_dir").asBoolean(false)) {
        if (depth < 5) {
          listInto(runId, f.path("path").asText(), out, depth + 1);
        }
      } else {
        out.add(f.path("path").asText());
      }
    }
  }

  /** Version numbers of a registered model, ascending (empty when it does not exist). */
  public List<Integer> modelVersions(String name) {
    JsonHttp.Reply r = JsonHttp.send("GET", baseUrl + "/api/2.0/mlflow/model-versions/search?filter="
        + enc("name='" + name.replace("'", "\\'") + "'"), null, null);
    List<Integer> out = new ArrayList<>();
    if (r.ok()) {
      r.body().path("model_versions").forEach(v -> out.add(v.path("version").asInt()));
    }
    out.sort(null);
    return out;
  }

  /** The version an alias points at, if it is set. */
  public Optional<Integer> aliasVersion(String name, String alias) {
    JsonHttp.Reply r = JsonHttp.send("GET", baseUrl + "/api/2.0/mlflow/registered-models/alias?name="
        + enc(name) + "&alias=" + enc(alias), null, null);
    return r.ok() ? Optional.of(r.body().path("model_version").path("version").asInt())
        : Optional.empty();
  }

  /** Points {@code alias} of a registered model at {@code version}. */
  public void setAlias(String name, String alias, int version) {
    JsonHttp.call("POST", baseUrl + "/api/2.0/mlflow/registered-models/alias",
        Map.of("name", name, "alias", alias, "version", Integer.toString(version)), null);
  }

  public String runLink(String experimentId, String runId) {
    return baseUrl + "/#/experiments/" + experimentId + "/runs/" + runId;
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
