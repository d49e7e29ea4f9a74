package org.emoaudionet.workflows;

/** @param workflowId the Temporal workflow id, tagged on the MLflow run */
public record StartRunInput(String dagId, String dagRunId, String workflowId, RunConf conf) {}
