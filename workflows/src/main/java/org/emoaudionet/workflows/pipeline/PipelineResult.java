package org.emoaudionet.workflows.pipeline;

import java.util.Map;

/**
 * What a finished run produced.
 *
 * @param metrics test metrics flattened ({@code test.accuracy}, {@code test.ccc}, ...)
 * @param modelUri S3 URI of the trained model directory (tar.gz)
 * @param metricsUri S3 URI of metrics.json
 * @param mlflowRunId MLflow run id
 * @param registeredModel {@code emoaudionet-<dag_id>} and {@code version}
 * @param champion whether this run's version holds the MLflow alias {@code champion} afterwards
 * @param championDecision {@code promoted: <why>} or {@code kept: <why>}, with both figures
 */
public record PipelineResult(
    Map<String, Double> metrics,
    String modelUri,
    String metricsUri,
    String mlflowRunId,
    String registeredModel,
    String modelVersion,
    boolean champion,
    String championDecision) {}
