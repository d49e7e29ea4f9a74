package org.emoaudionet.api;

import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.common.v1.Payload;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.api.filter.v1.StartTimeFilter;
import io.temporal.api.filter.v1.WorkflowTypeFilter;
import io.temporal.api.workflow.v1.WorkflowExecutionInfo;
import io.temporal.api.workflowservice.v1.DeleteWorkflowExecutionRequest;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.api.workflowservice.v1.ListClosedWorkflowExecutionsRequest;
import io.temporal.api.workflowservice.v1.ListClosedWorkflowExecutionsResponse;
import io.temporal.api.workflowservice.v1.ListOpenWorkflowExecutionsRequest;
import io.temporal.api.workflowservice.v1.ListOpenWorkflowExecutionsResponse;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.common.converter.DefaultDataConverter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.emoaudionet.spec.TaskQueues;
import org.emoaudionet.workflows.pipeline.EmoPipelineWorkflow;
import org.emoaudionet.workflows.pipeline.PipelineRequest;
import org.emoaudionet.workflows.pipeline.TaskState;
import org.jboss.logging.Logger;

/**
 * DAG runs as Temporal executions of {@code EmoPipelineWorkflow}. Only the calls the Java test
 * server implements are used: ListOpen/ListClosed (no visibility queries), describe, query,
 * cancel, terminate.
 */
@ApplicationScoped
public class RunRepository {
  private static final Logger LOG = Logger.getLogger(RunRepository.class);
  public static final String WORKFLOW_TYPE = "EmoPipelineWorkflow";

  @Inject TemporalGateway temporal;
  @Inject RunAnnotations annotations;

  private volatile TaskStateQueries queries;

  /** The latest visible execution of every DAG run, any DAG. */
  public List<RunRecord> list() {
    Map<String, WorkflowExecutionInfo> latest = new LinkedHashMap<>();
    for (WorkflowExecutionInfo info : listInfos()) {
      if (!WORKFLOW_TYPE.equals(info.getType().getName())) continue;
      latest.merge(info.getExecution().getWorkflowId(), info,
          (a, b) -> instant(b.getStartTime()).isAfter(instant(a.getStartTime())) ? b : a);
    }
    List<RunRecord> out = new ArrayList<>();
    for (WorkflowExecutionInfo info : latest.values()) {
      // The test server lists executions without memo or close time: describe those.
      Optional<RunRecord> r = info.getMemo().getFieldsCount() > 0
          ? Optional.of(toRecord(info)) : describe(info.getExecution().getWorkflowId());
      r.filter(x -> x.dagId() != null && x.dagRunId() != null && !annotations.hidden(x))
          .ifPresent(out::add);
    }
    // A listing shows every open run's task states: ask all workers at once, not one by one.
    for (RunRecord r : out) {
      if (r.open()) queries().prefetch(r.runId(), () -> stub(r).query("tasks", TaskState[].class));
    }
    return out;
  }

  private List<WorkflowExecutionInfo> listInfos() {
    var stub = temporal.stubs().blockingStub();
    List<WorkflowExecutionInfo> out = new ArrayList<>();
    WorkflowTypeFilter type = WorkflowTypeFilter.newBuilder().setName(WORKFLOW_TYPE).build();
    // An unset time filter means [0, 0] to the test server: ask for everything explicitly.
    StartTimeFilter always = StartTimeFilter.newBuilder()
        .setEarliestTime(Timestamp.newBuilder().setSeconds(0))
        .setLatestTime(Timestamp.newBuilder().setSeconds(Instant.now().getEpochSecond() + 86_400))
        .build();
    ByteString token = ByteString.EMPTY;
    do {
      var request = ListOpenWorkflowExecutionsRequest.newBuilder().setNamespace(temporal.namespace())
          .setTypeFilter(type).setStartTimeFilter(always).setMaximumPageSize(1000).setNextPageToken(token).build();
      // Visibility calls are rate-limited per namespace: a burst of listings waits a little.
      ListOpenWorkflowExecutionsResponse page =
          RateLimitRetry.call(() -> stub.listOpenWorkflowExecutions(request));
      out.addAll(page.getExecutionsList());
      token = page.getNextPageToken();
    } while (!token.isEmpty());
    do {
      var request = ListClosedWorkflowExecutionsRequest.newBuilder().setNamespace(temporal.namespace())
          .setTypeFilter(type).setStartTimeFilter(always).setMaximumPageSize(1000).setNextPageToken(token).build();
      ListClosedWorkflowExecutionsResponse page =
          RateLimitRetry.call(() -> stub.listClosedWorkflowExecutions(request));
      out.addAll(page.getExecutionsList());
      token = page.getNextPageToken();
    } while (!token.isEmpty());
    return out;
  }

  /** The latest execution of one DAG run, unless deleted. */
  public Optional<RunRecord> find(String dagId, String dagRunId) {
    return describe(PipelineRequest.workflowId(dagId, dagRunId))
        .filter(r -> r.dagId() != null && !annotations.hidden(r));
  }

  /** The latest execution of a workflow id, as Temporal describes it. */
  private Optional<RunRecord> describe(String workflowId) {
    try {
      var resp = temporal.stubs().blockingStub().describeWorkflowExecution(
          DescribeWorkflowExecutionRequest.newBuilder().setNamespace(temporal.namespace())
              .setExecution(WorkflowExecution.newBuilder().setWorkflowId(workflowId)).build());
      return Optional.of(toRecord(resp.getWorkflowExecutionInfo()));
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() == Status.Code.NOT_FOUND) return Optional.empty();
      throw e;
    }
  }

  /** Starts an execution; empty when one with this workflow id is still running. */
  public Optional<WorkflowExecution> start(PipelineRequest request, Map<String, Object> memo) {
    WorkflowClient client = temporal.client();
    WorkflowOptions options = WorkflowOptions.newBuilder()
        .setWorkflowId(PipelineRequest.workflowId(request.dagId(), request.dagRunId()))
        .setTaskQueue(TaskQueues.CPU)
        .setMemo(memo)
        .setWorkflowIdReusePolicy(WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE)
        .build();
    EmoPipelineWorkflow wf = client.newWorkflowStub(EmoPipelineWorkflow.class, options);
    try {
      return Optional.of(WorkflowClient.start(wf::run, request));
    } catch (WorkflowExecutionAlreadyStarted e) {
      return Optional.empty();
    }
  }

  /**
   * Cancel and terminate are no-ops on a run that closed since {@code run} was read: two requests
   * ending one run at once (PATCH state=failed beside a DELETE) both see it open, and the later
   * one must not turn Temporal's "completed workflow" (WorkflowNotFoundException) into a 500.
   */
  public void cancel(RunRecord run) {
    try {
      stub(run).cancel();
    } catch (WorkflowNotFoundException closed) {
      LOG.debugf("cancel of %s: already closed", run.workflowId());
    }
  }

  public void terminate(RunRecord run, String reason) {
    try {
      stub(run).terminate(reason);
    } catch (WorkflowNotFoundException closed) {
      LOG.debugf("terminate of %s: already closed", run.workflowId());
    }
  }

  /** Best effort: the real server deletes; the test server answers UNIMPLEMENTED. */
  public void deleteExecution(RunRecord run) {
    try {
      temporal.stubs().blockingStub().deleteWorkflowExecution(DeleteWorkflowExecutionRequest
          .newBuilder().setNamespace(temporal.namespace())
          .setWorkflowExecution(WorkflowExecution.newBuilder().setWorkflowId(run.workflowId())
              .setRunId(run.runId())).build());
    } catch (StatusRuntimeException e) {
      LOG.debugf("DeleteWorkflowExecution of %s not done: %s", run.workflowId(), e.getStatus());
    }
  }

  /**
   * The workflow's own view of its tasks (the {@code tasks()} query, answered by a worker),
   * bounded by the query timeout; see {@link TaskStateQueries} for what stands in when no worker
   * answers.
   */
  public Optional<List<TaskState>> tasks(RunRecord run) {
    return queries().tasks(run.runId(), run.open(), () -> stub(run).query("tasks", TaskState[].class));
  }

  private TaskStateQueries queries() {
    TaskStateQueries q = queries;
    if (q == null) {
      synchronized (this) {
        if (queries == null) {
          long timeout = temporal.queryTimeoutSeconds() * 1000L;
          // A short cool-down: long enough that a listing polled every few seconds does not wait
          // again at once, short enough that task states shown in its place are at most seconds old.
          queries = new TaskStateQueries(timeout, 2 * timeout);
        }
        q = queries;
      }
    }
    return q;
  }

  private WorkflowStub stub(RunRecord run) {
    return temporal.client().newUntypedWorkflowStub(run.workflowId(), Optional.of(run.runId()),
        Optional.of(WORKFLOW_TYPE));
  }

  private static RunRecord toRecord(WorkflowExecutionInfo info) {
    Map<String, String> memo = new HashMap<>();
    for (Map.Entry<String, Payload> e : info.getMemo().getFieldsMap().entrySet()) {
      try {
        memo.put(e.getKey(), DefaultDataConverter.STANDARD_INSTANCE
            .fromPayload(e.getValue(), String.class, String.class));
      } catch (RuntimeException notAString) {
        LOG.debugf("memo %s of %s is not a string", e.getKey(), info.getExecution().getWorkflowId());
      }
    }
    return new RunRecord(info.getExecution().getWorkflowId(), info.getExecution().getRunId(),
        Map.copyOf(memo), instant(info.getStartTime()),
        info.hasCloseTime() && info.getCloseTime().getSeconds() > 0 ? instant(info.getCloseTime()) : null,
        info.getStatus());
  }

  private static Instant instant(Timestamp t) {
    return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
  }
}
