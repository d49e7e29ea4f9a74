package org.emoaudionet.workflows;

/**
 * One task instance of a run, as the workflow knows it.
 *
 * @param state Airflow's words: {@code scheduled}, {@code running}, {@code success},
 *     {@code failed}, {@code skipped}, {@code upstream_failed} (null before scheduling)
 * @param startMillis epoch millis or 0
 * @param endMillis epoch millis or 0
 * @param log what the task said (cache hits, heartbeats, errors), for the logs endpoint
 */
public record TaskState(
    String taskId, String state, long startMillis, long endMillis, int tryNumber, String log) {}
