package org.emoaudionet.mlflow;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * A version of a registered model, as the registry's {@code ModelVersion}.
 *
 * @param version MLflow's version number, kept as the string MLflow sends (it is an id here)
 * @param source where its files are, e.g. {@code mlflow-artifacts:/1/<run_id>/artifacts/model}
 * @param runId null when the version was made without a run
 * @param description null when it has none
 */
public record ModelVersion(String name, String version, String source, String runId,
    String description, Map<String, String> tags) {
  /** The version as a number, for ordering and for whoever shows it as one. */
  public int number() {
    return Integer.parseInt(version);
  }

  static ModelVersion of(JsonNode v) {
    return new ModelVersion(v.path("name").asText(), v.path("version").asText(),
        v.path("source").asText(), v.path("run_id").asText(null),
        v.path("description").asText(null), Tracking.keyValues(v.path("tags")));
  }
}
