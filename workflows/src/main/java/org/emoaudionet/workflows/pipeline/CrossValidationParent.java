package org.emoaudionet.workflows.pipeline;

import org.emoaudionet.workflows.activity.DatasetRef;

/**
 * What the child run of one cross-validation fold gets from its parent run.
 *
 * @param dagRunId the parent's {@code dag_run_id}
 * @param mlflowRunId the parent's MLflow run: the fold's MLflow run is its child
 *     ({@code mlflow.parentRunId})
 * @param dataset the data set the parent's {@code download} stored once for every fold
 */
public record CrossValidationParent(String dagRunId, String mlflowRunId, DatasetRef dataset) {}
