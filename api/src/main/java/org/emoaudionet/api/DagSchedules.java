package org.emoaudionet.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.runtime.StartupEvent;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.ScheduleOverlapPolicy;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionResponse;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.schedules.Schedule;
import io.temporal.client.schedules.ScheduleActionStartWorkflow;
import io.temporal.client.schedules.ScheduleAlreadyRunningException;
import io.temporal.client.schedules.ScheduleClient;
import io.temporal.client.schedules.ScheduleClientOptions;
import io.temporal.client.schedules.ScheduleHandle;
import io.temporal.client.schedules.ScheduleOptions;
import io.temporal.client.schedules.SchedulePolicy;
import io.temporal.client.schedules.ScheduleSpec;
import io.temporal.client.schedules.ScheduleState;
import io.temporal.client.schedules.ScheduleUpdate;
import io.temporal.common.converter.DefaultDataConverter;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.emoaudionet.spec.TaskQueues;
import org.emoaudionet.workflows.conf.ConfValidator;
import org.emoaudionet.workflows.dag.DagCatalog;
import org.emoaudionet.workflows.dag.DagDefinition;
import org.emoaudionet.workflows.dag.Timetable;
import org.emoaudionet.workflows.schedule.ScheduledDagRunWorkflow;
import org.emoaudionet.workflows.schedule.ScheduledRunInput;
import org.jboss.logging.Logger;

/**
 * DAG schedules as Temporal runs them: a Temporal Schedule {@code emo-dag-<dag_id>} where the
 * server has Schedules, else (the Java test server) the cron workflow
 * {@code emo-schedule/<dag_id>}. Both start {@link ScheduledDagRunWorkflow} on each fire; the
 * API itself keeps no timer. Reconciled once at start-up (DAG files may have changed) and on
 * every pause or resume.
 */
@ApplicationScoped
public class DagSchedules {
  private static final Logger LOG = Logger.getLogger(DagSchedules.class);
  /** Memo key of a cron workflow: a digest of its input, to see that a DAG file changed. */
  static final String INPUT_DIGEST = "emo_schedule_input";

  @Inject DagCatalog catalog;
  @Inject ApiSettings settings;
  @Inject TemporalGateway temporal;
  @Inject DagStates states;

  private final ObjectMapper plain = new ObjectMapper();
  private volatile Boolean serverHasSchedules;
  private volatile boolean reconciled;
  static final long MAX_RETRY_SECONDS = 30;
  private long retryDelaySeconds = 1;
  private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "dag-schedules-reconcile");
    t.setDaemon(true);
    return t;
  });

  /**
   * Reads the DAG files (the injected catalog), then reconciles the schedules. A bad file of the folder is left out and
   * logged (GET /api/v2/importErrors lists it), as Airflow's DAG processor does: the API and the
   * other DAGs keep working.
   */
  void onStart(@Observes @Priority(10) StartupEvent event) {
    catalog.importErrors().forEach(e -> LOG.errorf("DAG file left out (import error): %s",
        e.message()));
    long scheduled = catalog.list().stream().filter(d -> d.schedule() != null).count();
    LOG.infof("DAGs: %d (%d bundled%s), %d with a schedule", catalog.list().size(),
        DagCatalog.bundled().list().size(),
        settings.dagsFolder().map(f -> ", folder " + f).orElse(""), scheduled);
    reconcileAll();
  }

  /**
   * Reconciles every scheduled DAG once. A failure (Temporal or S3 not up yet) is retried in the
   * background with back-off (1 s doubling to {@link #MAX_RETRY_SECONDS}), never by a request:
   * GET endpoints only read.
   */
  public synchronized void reconcileAll() {
    if (reconciled) return;
    try {
      for (DagDefinition dag : catalog.list()) {
        if (dag.schedule() != null) apply(dag, states.paused(dag), null);
      }
      reconciled = true;
      retryDelaySeconds = 1;
    } catch (RuntimeException e) {
      long delay = retryDelaySeconds;
      retryDelaySeconds = Math.min(MAX_RETRY_SECONDS, delay * 2);
      LOG.errorf("DAG schedules not reconciled yet (%s); retried in %d s", e.toString(), delay);
      retries.schedule(this::reconcileAll, delay, TimeUnit.SECONDS);
    }
  }

  /** Whether every scheduled DAG has been reconciled since start-up. */
  public boolean reconciled() {
    return reconciled;
  }

  @PreDestroy
  void stopRetries() {
    retries.shutdownNow();
  }

  /** Whether this server implements Temporal Schedules; asked once per process. */
  public boolean serverHasSchedules() {
    Boolean has = serverHasSchedules;
    if (has == null) {
      try {
        scheduleClient().listSchedules().findFirst();
        has = true;
      } catch (RuntimeException e) {
        if (!unimplemented(e)) throw e;
        has = false;
        LOG.warnf("Temporal at %s does not implement Schedules; DAG schedules run as Temporal"
            + " cron workflows (emo-schedule/<dag_id>)", settings.temporalAddress());
      }
      serverHasSchedules = has;
    }
    return has;
  }

  private static boolean unimplemented(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof StatusRuntimeException s && s.getStatus().getCode() == Status.Code.UNIMPLEMENTED) {
        return true;
      }
    }
    return false;
  }

  /**
   * Makes Temporal match the DAG file and its pause state.
   *
   * @param user who paused or resumed (null at start-up)
   */
  public void apply(DagDefinition dag, boolean paused, String user) {
    if (dag.schedule() == null) return;
    ScheduledRunInput input = input(dag);
    if (serverHasSchedules()) {
      applySchedule(dag, input, paused, user);
    } else {
      applyCron(dag, input, paused, user);
    }
  }

  private ScheduledRunInput input(DagDefinition dag) {
    ConfValidator.Result v = ConfValidator.validate(null, dag, null);
    if (!v.ok()) {
      throw new IllegalStateException("DAG " + dag.dagId() + ": its default conf cannot start a"
          + " scheduled run: " + v.errors());
    }
    return ScheduledRunInput.of(dag, Timetable.parse(dag.schedule()), v.conf());
  }

  private static String note(boolean paused, String user) {
    if (user == null) return paused ? "paused (DAG state at API start-up)" : "active";
    return (paused ? "paused by " : "resumed by ") + user + " through the API";
  }

  // --- Temporal Schedules ---------------------------------------------------------------

  private ScheduleClient scheduleClient() {
    return ScheduleClient.newInstance(temporal.stubs(),
        ScheduleClientOptions.newBuilder().setNamespace(settings.temporalNamespace()).build());
  }

  private void applySchedule(DagDefinition dag, ScheduledRunInput input, boolean paused, String user) {
    String id = ScheduledDagRunWorkflow.scheduleId(dag.dagId());
    Schedule schedule = Schedule.newBuilder()
        .setAction(ScheduleActionStartWorkflow.newBuilder()
            .setWorkflowType(ScheduledDagRunWorkflow.class)
            .setArguments(input)
            .setOptions(WorkflowOptions.newBuilder()
                .setWorkflowId(ScheduledDagRunWorkflow.cronWorkflowId(dag.dagId()))
                .setTaskQueue(TaskQueues.CPU).build())
            .build())
        .setSpec(ScheduleSpec.newBuilder().setCronExpressions(List.of(input.cron())).build())
        // a fire while the previous run still trains is skipped, as Airflow's max_active_runs=1
        .setPolicy(SchedulePolicy.newBuilder()
            .setOverlap(ScheduleOverlapPolicy.SCHEDULE_OVERLAP_POLICY_SKIP).build())
        .setState(ScheduleState.newBuilder().setPaused(paused).setNote(note(paused, user)).build())
        .build();
    ScheduleClient client = scheduleClient();
    try {
      client.createSchedule(id, schedule, ScheduleOptions.newBuilder().build());
      LOG.infof("DAG %s: Temporal Schedule %s created (%s)%s", dag.dagId(), id, dag.schedule(),
          paused ? ", paused" : "");
    } catch (ScheduleAlreadyRunningException exists) {
      ScheduleHandle handle = client.getHandle(id);
      handle.update(in -> new ScheduleUpdate(schedule));
      // the pause state is set on its own: an update need not carry it over (SDKs differ)
      if (paused) {
        handle.pause(note(true, user));
      } else {
        handle.unpause(note(false, user));
      }
      LOG.infof("DAG %s: Temporal Schedule %s updated (%s), %s", dag.dagId(), id, dag.schedule(),
          note(paused, user));
    }
  }

  // --- cron workflows (servers without Schedules) -----------------------------------------

  private void applyCron(DagDefinition dag, ScheduledRunInput input, boolean paused, String user) {
    String id = ScheduledDagRunWorkflow.cronWorkflowId(dag.dagId());
    String digest = digest(input);
    DescribeWorkflowExecutionResponse running = describeRunning(id);
    if (running != null) {
      boolean same = digest.equals(memoString(running, INPUT_DIGEST));
      if (!paused && same) return;
      String reason = paused ? "DAG " + dag.dagId() + " " + note(true, user)
          : "DAG " + dag.dagId() + " changed its schedule or conf: restarting its cron workflow";
      temporal.client().newUntypedWorkflowStub(id).terminate(reason);
      LOG.infof("cron workflow %s terminated: %s", id, reason);
    }
    if (paused) return;
    WorkflowOptions options = WorkflowOptions.newBuilder()
        .setWorkflowId(id)
        .setTaskQueue(TaskQueues.CPU)
        .setCronSchedule(input.cron())
        .setMemo(Map.of(INPUT_DIGEST, digest, "dag_id", dag.dagId()))
        .build();
    ScheduledDagRunWorkflow stub =
        temporal.client().newWorkflowStub(ScheduledDagRunWorkflow.class, options);
    WorkflowClient.start(stub::run, input);
    LOG.infof("DAG %s: cron workflow %s started (%s)", dag.dagId(), id, input.cron());
  }

  /** The running execution of {@code workflowId}, or null. */
  private DescribeWorkflowExecutionResponse describeRunning(String workflowId) {
    try {
      DescribeWorkflowExecutionResponse r = temporal.stubs().blockingStub()
          .describeWorkflowExecution(DescribeWorkflowExecutionRequest.newBuilder()
              .setNamespace(settings.temporalNamespace())
              .setExecution(WorkflowExecution.newBuilder().setWorkflowId(workflowId)).build());
      return r.getWorkflowExecutionInfo().getStatus()
          == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING ? r : null;
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() == Status.Code.NOT_FOUND) return null;
      throw e;
    }
  }

  /** Whether the DAG's cron workflow is running (tests and the API's own checks). */
  public boolean cronWorkflowRunning(String dagId) {
    return describeRunning(ScheduledDagRunWorkflow.cronWorkflowId(dagId)) != null;
  }

  private static String memoString(DescribeWorkflowExecutionResponse r, String key) {
    var payload = r.getWorkflowExecutionInfo().getMemo().getFieldsMap().get(key);
    if (payload == null) return null;
    return DefaultDataConverter.STANDARD_INSTANCE.fromPayload(payload, String.class, String.class);
  }

  private String digest(ScheduledRunInput input) {
    try {
      byte[] json = plain.writeValueAsString(input).getBytes(StandardCharsets.UTF_8);
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json));
    } catch (com.fasterxml.jackson.core.JsonProcessingException | NoSuchAlgorithmException e) {
      throw new IllegalStateException("cannot digest the schedule input of " + input.dagId(), e);
    }
  }
}
