package org.emoaudionet.workflows.schedule;

import io.temporal.common.SearchAttributeKey;
import io.temporal.failure.ChildWorkflowFailure;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.emoaudionet.workflows.dag.Timetable;
import org.emoaudionet.workflows.pipeline.PipelineResult;
import org.emoaudionet.workflows.pipeline.RunMemo;
import org.slf4j.Logger;

/** See {@link ScheduledDagRunWorkflow}. */
public class ScheduledDagRunWorkflowImpl implements ScheduledDagRunWorkflow {
  private static final Logger LOG = Workflow.getLogger(ScheduledDagRunWorkflowImpl.class);
  /** Set by Temporal Schedules on each action: the fire time, before any jitter or delay. */
  static final SearchAttributeKey<OffsetDateTime> SCHEDULED_START =
      SearchAttributeKey.forOffsetDateTime("TemporalScheduledStartTime");

  @Override
  public ScheduledRunResult run(ScheduledRunInput input) {
    Instant now = Instant.ofEpochMilli(Workflow.currentTimeMillis());
    Instant logicalDate = scheduledStart().orElseGet(() -> cronFireTime(input.cron(), now));
    String runId = ScheduledDagRunWorkflow.runId(logicalDate);
    // Airflow 3's CronTriggerTimetable: the run's data interval is the fire time itself.
    Map<String, String> memo = new LinkedHashMap<>(RunMemo.of(input.dagId(), runId,
        RunMemo.SCHEDULED, "timetable", input.conf(), now, logicalDate, logicalDate));
    memo.put("data_interval_start", logicalDate.toString());
    memo.put("data_interval_end", logicalDate.toString());
    Promise<PipelineResult> result = ChildPipelines.start(input.request(runId), memo);
    LOG.info("DAG {}: scheduled run {} started", input.dagId(), runId);
    try {
      result.get();
      return new ScheduledRunResult(runId, "success");
    } catch (ChildWorkflowFailure e) {
      // The run reports its own failure; the schedule goes on to the next fire.
      LOG.warn("DAG {}: scheduled run {} failed: {}", input.dagId(), runId, e.getMessage());
      return new ScheduledRunResult(runId, "failed");
    }
  }

  private static Optional<Instant> scheduledStart() {
    try {
      OffsetDateTime t = Workflow.getTypedSearchAttributes().get(SCHEDULED_START);
      return Optional.ofNullable(t).map(OffsetDateTime::toInstant);
    } catch (RuntimeException absent) {
      return Optional.empty();
    }
  }

  /**
   * A cron workflow's run starts when its backoff ends, i.e. at the fire time (or later, when no
   * worker was free): the latest fire time not after now is the one it stands for.
   */
  public static Instant cronFireTime(String cron, Instant now) {
    return Timetable.parse(cron).latestAtOrBefore(now)
        .orElse(now.truncatedTo(ChronoUnit.MINUTES));
  }
}
