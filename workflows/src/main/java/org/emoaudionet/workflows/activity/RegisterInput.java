package org.emoaudionet.workflows.activity;

/** Make the run's model a version of the registered model {@code emoaudionet-<dag_id>}. */
public record RegisterInput(String dagId, String dagRunId, String mlflowRunId, String modelKey) {}
