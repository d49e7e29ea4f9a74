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
 * The model registry ({@code registered-models/*}, {@code model-versions/*}): a look-up of
 * something that is not there is an empty answer, not an error, because "no champion yet" and
 * "no such model" are everyday answers to the worker's promotion and the API's serving.
 */
public final class ModelRegistry {
  private final MlflowHttp http;

  ModelRegistry(MlflowHttp http) {
    this.http = http;
  }

  /** Whether a registered model of that name exists. */
  public boolean exists(String name) throws IOException {
    return lookup("/api/2.0/mlflow/registered-models/get?name=" + enc(name)).isPresent();
  }

  /** Creates the registered model; true if it was made, false if it was there already. */
  public boolean create(String name) throws IOException {
    try {
      http.post("/api/2.0/mlflow/registered-models/create", Map.of("name", name));
      return true;
    } catch (MlflowException e) {
      if (e.alreadyExists()) return false;
      throw e;
    }
  }

  /** Every version of {@code name} (none when the model does not exist), in MLflow's order. */
  public List<ModelVersion> versions(String name) throws IOException {
    List<ModelVersion> out = new ArrayList<>();
    http.get("/api/2.0/mlflow/model-versions/search?filter="
        + enc("name='" + name.replace("'", "\\'") + "'")).path("model_versions")
        .forEach(v -> out.add(ModelVersion.of(v)));
    return out;
  }

  /** The version numbers of {@code name}, ascending (none when the model does not exist). */
  public List<Integer> versionNumbers(String name) throws IOException {
    return versions(name).stream().map(ModelVersion::number).sorted().toList();
  }

  /** The highest-numbered version of {@code name}, if it has any. */
  public Optional<ModelVersion> latest(String name) throws IOException {
    ModelVersion best = null;
    for (ModelVersion v : versions(name)) {
      if (best == null || v.number() > best.number()) best = v;
    }
    return Optional.ofNullable(best);
  }

  public Optional<ModelVersion> version(String name, String version) throws IOException {
    return lookup("/api/2.0/mlflow/model-versions/get?name=" + enc(name) + "&version="
        + enc(version)).map(r -> ModelVersion.of(r.path("model_version")));
  }

  /**
   * A new version of {@code name} from {@code source}.
   *
   * @param modelId MLflow 3's logged model it was made from; null for none
   * @param description null for none
   * @param tags set at creation (null values left out)
   */
  public ModelVersion createVersion(String name, String source, String runId, String modelId,
      String description, Map<String, String> tags) throws IOException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", name);
    body.put("run_id", runId);
    body.put("source", source);
    if (modelId != null) body.put("model_id", modelId);
    if (description != null) body.put("description", description);
    List<Map<String, String>> ts = Tracking.keyValueList(tags);
    if (!ts.isEmpty()) body.put("tags", ts);
    return ModelVersion.of(http.post("/api/2.0/mlflow/model-versions/create", body)
        .path("model_version"));
  }

  /** Sets tags of a version, one call each (MLflow has no batch for these); null values skipped. */
  public void setVersionTags(String name, String version, Map<String, String> tags)
      throws IOException {
    for (Map.Entry<String, String> t : tags.entrySet()) {
      if (t.getValue() == null) continue;
      http.post("/api/2.0/mlflow/model-versions/set-tag", Map.of("name", name,
          "version", version, "key", t.getKey(), "value", t.getValue()));
    }
  }

  /** The version {@code alias} of {@code name} points at; empty when model or alias is not there. */
  public Optional<ModelVersion> aliased(String name, String alias) throws IOException {
    return lookup("/api/2.0/mlflow/registered-models/alias?name=" + enc(name) + "&alias="
        + enc(alias)).map(r -> ModelVersion.of(r.path("model_version")));
  }

  /** Points {@code alias} of {@code name} at {@code version}, moving it if it named another. */
  public void setAlias(String name, String alias, String version) throws IOException {
    http.post("/api/2.0/mlflow/registered-models/alias",
        Map.of("name", name, "alias", alias, "version", version));
  }

  private Optional<JsonNode> lookup(String pathAndQuery) throws IOException {
    try {
      return Optional.of(http.get(pathAndQuery));
    } catch (MlflowException e) {
      if (e.missing()) return Optional.empty();
      throw e;
    }
  }
}
