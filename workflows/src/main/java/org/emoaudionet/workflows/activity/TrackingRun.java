package org.emoaudionet.workflows.activity;

/** The MLflow run of one DAG run: experiment {@code <dag_id>}, run name {@code <dag_run_id>}. */
public record TrackingRun(String experimentId, String runId) {}
