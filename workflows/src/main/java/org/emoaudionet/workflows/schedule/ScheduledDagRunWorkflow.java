package org.emoaudionet.workflows.schedule;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.emoaudionet.workflows.pipeline.RunMemo;

/**
 * One fire of a DAG's schedule: starts the DAG run {@code scheduled__<logical date>} and waits
 * for it, so the next fire is skipped while it trains (overlap policy "skip"). Started by a
 * Temporal Schedule {@link #scheduleId} where the server has Schedules, else as the cron
 * workflow {@link #cronWorkflowId}.
 */
@WorkflowInterface
public interface ScheduledDagRunWorkflow {
  /** Airflow's run id of a scheduled run: {@code scheduled__2026-11-30T12:01:00+00:00}. */
  DateTimeFormatter RUN_ID_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx").withZone(ZoneOffset.UTC);

  @WorkflowMethod
  ScheduledRunResult run(ScheduledRunInput input);

  static String scheduleId(String dagId) {
    return "emo-dag-" + dagId;
  }

  static String cronWorkflowId(String dagId) {
    return "emo-schedule/" + dagId;
  }

  static String runId(Instant logicalDate) {
    return RunMemo.SCHEDULED + "__" + RUN_ID_TIME.format(logicalDate);
  }
}
