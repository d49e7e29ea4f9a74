package org.emoaudionet.workflows.schedule;

import io.temporal.activity.ActivityOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ChildWorkflowFailure;
import io.temporal.workflow.ContinueAsNewOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.emoaudionet.spec.TaskQueues;
import org.emoaudionet.workflows.activity.ActivityPlans;
import org.emoaudionet.workflows.activity.ObservePrefixActivity;
import org.emoaudionet.workflows.activity.ObservePrefixInput;
import org.emoaudionet.workflows.activity.PrefixSnapshot;
import org.emoaudionet.workflows.pipeline.PipelineRequest;
import org.emoaudionet.workflows.pipeline.RunMemo;
import org.slf4j.Logger;

/**
 * The poll loop: observe the prefix (an activity: the workflow does no I/O), compare, maybe
 * start a run, sleep on a durable timer, and continue as new now and then.
 *
 * <p>Rules: the first observation is the baseline (it starts nothing: the data was there
 * before the watcher). A run starts when the digest differs from the one that last started a
 * run (or the baseline), the prefix is not empty, the DAG is not paused, and the digest is the
 * same as one poll before: a copy still in progress changes the digest on every poll and
 * triggers once, when it has finished. While the DAG is paused the last triggering digest
 * does not move, so a change made meanwhile triggers once on resume.
 *
 * <p>Exactly once, across API and worker restarts: the run is a child workflow start recorded
 * in this workflow's history, and the digest it started for is state that only that history
 * rebuilds. A worker that dies after starting the child replays the history and sees the start
 * done; one that dies before it replays up to the observation and starts it then. The
 * observation itself is an activity: Temporal retries it, its result is recorded once.
 */
public class DataTriggerWorkflowImpl implements DataTriggerWorkflow {
  private static final Logger log = Workflow.getLogger(DataTriggerWorkflowImpl.class);

  /** Airflow's run id timestamps: {@code 2026-01-02T03:04:05.678000+00:00}. */
  static final DateTimeFormatter AIRFLOW_ISO =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSxxx").withZone(ZoneOffset.UTC);

  /** Run ids of the runs it starts: Airflow's {@code asset_triggered__<time>}. */
  public static final String RUN_ID_PREFIX = "asset_triggered__";

  // A few quick tries; if S3 stays down the poll is counted as failed and the next one tries again.
  static final ActivityOptions OBSERVE = ActivityOptions.newBuilder()
      .setTaskQueue(TaskQueues.CPU)
      .setStartToCloseTimeout(Duration.ofMinutes(2))
      .setRetryOptions(ActivityPlans.retries(3, Duration.ofSeconds(2)))
      .build();

  private final ObservePrefixActivity observer =
      Workflow.newActivityStub(ObservePrefixActivity.class, OBSERVE);

  private DataTriggerState state = DataTriggerState.INITIAL;

  @Override
  public DataTriggerState state() {
    return state;
  }

  @Override
  public void watch(DataTriggerInput in) {
    state = in.state() == null ? DataTriggerState.INITIAL : in.state();
    int polls = Math.max(1, in.pollsPerExecution());
    for (int i = 0; i < polls; i++) {
      poll(in);
      Workflow.sleep(in.trigger().pollInterval());
    }
    // The memo is what the start-up bean compares: keep it on the next execution too.
    Workflow.continueAsNew(ContinueAsNewOptions.newBuilder()
        .setMemo(Map.of(CONFIG_MEMO, in.configHash())).build(), in.withState(state));
  }

  private void poll(DataTriggerInput in) {
    String prefix = in.trigger().prefix();
    long polls = state.polls() + 1;
    PrefixSnapshot snap;
    try {
      snap = observer.observe(new ObservePrefixInput(in.dagId(), prefix, in.pausedUponCreation()));
    } catch (ActivityFailure f) {
      String why = f.getCause() != null ? f.getCause().getMessage() : f.getMessage();
      log.warn("data trigger {}: observing {} failed, trying again next poll: {}", in.dagId(),
          prefix, why);
      state = new DataTriggerState(state.lastTriggeredDigest(), state.previousDigest(), polls,
          state.runsStarted(), state.lastRunId(), why);
      return;
    }
    String digest = snap.digest();
    if (state.lastTriggeredDigest() == null) {
      log.info("data trigger {}: baseline of {} is {} objects, {} bytes (no run)", in.dagId(),
          prefix, snap.objectCount(), snap.totalBytes());
      state = new DataTriggerState(digest, digest, polls, state.runsStarted(), state.lastRunId(), null);
      return;
    }
    boolean changed = !digest.equals(state.lastTriggeredDigest());
    boolean settled = digest.equals(state.previousDigest());
    String lastTriggered = state.lastTriggeredDigest();
    int runs = state.runsStarted();
    String lastRun = state.lastRunId();
    if (changed && !settled) {
      log.info("data trigger {}: {} changed; waiting one poll for it to settle", in.dagId(), prefix);
    } else if (changed && snap.paused()) {
      log.info("data trigger {}: {} changed but the DAG is paused; it runs on resume", in.dagId(),
          prefix);
    } else if (changed && snap.objectCount() == 0) {
      log.info("data trigger {}: {} is empty now; nothing to train on", in.dagId(), prefix);
    } else if (changed) {
      lastRun = startRun(in, snap);
      lastTriggered = digest;
      runs++;
    }
    state = new DataTriggerState(lastTriggered, digest, polls, runs, lastRun, null);
  }

  /** Starts the DAG run for this change; returns its run id. */
  private String startRun(DataTriggerInput in, PrefixSnapshot snap) {
    Instant now = Instant.ofEpochMilli(Workflow.currentTimeMillis()).truncatedTo(ChronoUnit.MICROS);
    String runId = RUN_ID_PREFIX + AIRFLOW_ISO.format(now);
    // Asset-triggered runs have no logical date in Airflow 3.
    Map<String, String> memo = new LinkedHashMap<>(RunMemo.of(in.dagId(), runId,
        RunMemo.ASSET_TRIGGERED, "asset", in.conf(), now, now, null));
    memo.put("triggering_asset", in.trigger().prefix());
    memo.put("triggering_digest", snap.digest());
    PipelineRequest request = new PipelineRequest(in.dagId(), runId, in.conf(),
        in.participantLevel(), in.champion());
    try {
      ChildPipelines.start(request, memo);
      log.info("data trigger {}: {} changed ({} objects, {} bytes): started run {}", in.dagId(),
          in.trigger().prefix(), snap.objectCount(), snap.totalBytes(), runId);
    } catch (ChildWorkflowFailure f) {
      // Only a run id already taken gets here; that run stands for this change.
      log.warn("data trigger {}: run {} could not start: {}", in.dagId(), runId, f.getMessage());
    }
    return runId;
  }
}
