package org.emoaudionet.workflows.activity;

import java.util.List;
import java.util.Map;

/**
 * @param metrics test scalars as logged to MLflow ({@code test_accuracy}, {@code test_f1_macro}, ...)
 * @param metricsUri S3 URI of metrics.json
 * @param artifactUris S3 URIs of everything the evaluation wrote (json and PNGs)
 */
public record EvaluateOutput(Map<String, Double> metrics, String metricsUri,
    List<String> artifactUris, String log, int attempt) implements TaskOutput {
  public EvaluateOutput {
    metrics = Map.copyOf(metrics);
    artifactUris = List.copyOf(artifactUris);
  }
}
