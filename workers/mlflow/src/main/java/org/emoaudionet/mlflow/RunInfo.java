package org.emoaudionet.mlflow;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The {@code info} of an MLflow run: the few fields callers act on (the rest of a run stays
 * JSON, see {@link Tracking}).
 *
 * @param status RUNNING, SCHEDULED, FINISHED, FAILED or KILLED
 * @param artifactUri where its artifacts are ({@code mlflow-artifacts:/...} when proxied)
 */
public record RunInfo(String runId, String experimentId, String runName, String status,
    String artifactUri, String userId) {

  /** From a run as {@code runs/get}, {@code runs/create} or {@code runs/search} give it. */
  public static RunInfo of(JsonNode run) {
    JsonNode i = run.path("info");
    return new RunInfo(i.path("run_id").asText(), i.path("experiment_id").asText(),
        i.path("run_name").asText(null), i.path("status").asText(null),
        i.path("artifact_uri").asText(null), i.path("user_id").asText(null));
  }
}
