package org.emoaudionet.workflows.activity;

import java.util.List;
import java.util.Map;

/**
 * @param mlflowRunId the parent's MLflow run, where the summary metrics go
 * @param folds each fold's result, in fold order
 * @param metrics {@link CrossValidationStats#summarize}'s figures: {@code cv.mean.<m>},
 *     {@code cv.std.<m>}, {@code cv.fold_<i>.<m>} for every test metric {@code <m>}
 */
public record CrossValidationInput(String dagId, String dagRunId, String mlflowRunId,
    List<FoldResult> folds, Map<String, Double> metrics) {
  public CrossValidationInput {
    folds = List.copyOf(folds);
    metrics = Map.copyOf(metrics);
  }

  /** One fold's child run as the parent saw it end. */
  public record FoldResult(int fold, String workflowId, String dagRunId, String mlflowRunId,
      String metricsUri, Map<String, Double> metrics) {
    public FoldResult {
      metrics = Map.copyOf(metrics);
    }
  }
}
