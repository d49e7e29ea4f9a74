package org.emoaudionet.workflows.activity;

import java.util.Map;

/**
 * @param metrics what was logged to the parent's MLflow run
 * @param summaryUri S3 URI of {@code cv.json} (every fold's figures, their mean and std)
 */
public record CrossValidationSummary(Map<String, Double> metrics, String summaryUri, String log,
    int attempt) implements TaskOutput {
  public CrossValidationSummary {
    metrics = Map.copyOf(metrics);
  }
}
