package org.emoaudionet.workflows.schedule;

/** One scheduled fire: the DAG run it started and how that run ended (success or failed). */
public record ScheduledRunResult(String dagRunId, String state) {}
