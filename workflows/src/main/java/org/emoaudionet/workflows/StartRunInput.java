package org.emoaudionet.workflows;

/**
 * @param workflowId the Temporal workflow id, tagged on the MLflow run
 * @param parentRunId the MLflow run this one is a child of ({@code mlflow.parentRunId}: a
 *     cross-validation fold's parent); null for a top-level run
 */
public record StartRunInput(String dagId, String dagRunId, String workflowId, RunConf conf,
    String parentRunId) {

  public StartRunInput(String dagId, String dagRunId, String workflowId, RunConf conf) {
    this(dagId, dagRunId, workflowId, conf, null);
  }
}
