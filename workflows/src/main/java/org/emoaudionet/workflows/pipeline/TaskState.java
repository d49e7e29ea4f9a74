package org.emoaudionet.workflows.pipeline;


/**
 * One task instance of a run, as the workflow knows it.
 *
 * @param state Airflow's words: {@code scheduled}, {@code running}, {@code success},
 *     {@code failed}, {@code skipped}, {@code upstream_failed} (null before scheduling)
 * @param startMillis epoch millis or 0
 * @param endMillis epoch millis or 0
 * @param log what the task said (cache hits, heartbeats, errors), for the logs endpoint
 * @param output what the task's activity returned (a {@code TaskOutput} record in the workflow,
 *     its JSON tree once read back through a query or a workflow input); null until the task
 *     succeeded, and for tasks that are no single activity (a cross-validation's folds)
 */
public record TaskState(String taskId, String state, long startMillis, long endMillis,
    int tryNumber, String log, Object output) {

  public TaskState(String taskId, String state, long startMillis, long endMillis, int tryNumber,
      String log) {
    this(taskId, state, startMillis, endMillis, tryNumber, log, null);
  }
}
