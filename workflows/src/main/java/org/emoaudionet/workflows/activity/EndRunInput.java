package org.emoaudionet.workflows.activity;

import java.util.Map;

/**
 * @param status MLflow's {@code FINISHED}, {@code FAILED} or {@code KILLED}
 * @param tags set before the run is closed ({@code emo.model_uri}, {@code emo.metrics_uri}, error)
 */
public record EndRunInput(String runId, String status, Map<String, String> tags) {
  public EndRunInput {
    tags = Map.copyOf(tags);
  }
}
