package org.emoaudionet.api;

import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.runtime.StartupEvent;
import io.temporal.api.common.v1.Payload;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.api.filter.v1.StartTimeFilter;
import io.temporal.api.filter.v1.WorkflowTypeFilter;
import io.temporal.api.workflow.v1.WorkflowExecutionInfo;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.api.workflowservice.v1.ListOpenWorkflowExecutionsRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.converter.DefaultDataConverter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.emoaudionet.spec.TaskQueues;
import org.emoaudionet.workflows.dag.DagCatalog;
import org.emoaudionet.workflows.dag.DagDefinition;
import org.emoaudionet.workflows.schedule.DataTriggerInput;
import org.emoaudionet.workflows.schedule.DataTriggerWorkflow;
import org.emoaudionet.workflows.schedule.DataTriggers;
import org.jboss.logging.Logger;

/**
 * At start-up, once: makes sure every DAG with a {@code data_trigger} has its watcher workflow
 * running on Temporal (the watching itself happens there, not in this process: no timer thread
 * here). A watcher whose DAG's trigger or conf changed since it was started (its memo holds the
 * config hash) is replaced; one whose DAG lost its trigger is terminated. A running watcher with
 * the same config is left alone, so an API restart loses nothing of what it has seen.
 */
@ApplicationScoped
public class DataTriggerStarter {
  private static final Logger LOG = Logger.getLogger(DataTriggerStarter.class);
  static final String WORKFLOW_TYPE = "DataTriggerWorkflow";

  @Inject DagCatalog catalog;
  @Inject TemporalGateway temporal;

  /** What start-up did for one DAG's watcher. */
  public enum Outcome { STARTED, KEPT, REPLACED }

  void onStart(@Observes StartupEvent event) {
    List<DagDefinition> dags = catalog.list().stream().filter(d -> d.dataTrigger() != null).toList();
    for (DagDefinition dag : dags) {
      try {
        // a start-up burst of describe/start calls may meet Temporal's namespace rate limit
        Outcome o = RateLimitRetry.call(() -> reconcile(dag));
        LOG.infof("data trigger of DAG %s: %s watcher %s polling %s every %s", dag.dagId(),
            o.name().toLowerCase(), DataTriggerWorkflow.workflowId(dag.dagId()),
            dag.dataTrigger().prefix(), dag.dataTrigger().pollInterval());
      } catch (RuntimeException e) {
        LOG.errorf("data trigger of DAG %s NOT watched (fix and restart the API): %s",
            dag.dagId(), e.getMessage());
      }
    }
    try {
      Set<String> wanted = dags.stream().map(d -> DataTriggerWorkflow.workflowId(d.dagId()))
          .collect(Collectors.toSet());
      for (String id : RateLimitRetry.call(this::openWatchers)) {
        if (!wanted.contains(id)) {
          stop(id, "its DAG has no data_trigger any more");
          LOG.infof("data trigger: terminated %s (its DAG has no data_trigger any more)", id);
        }
      }
    } catch (RuntimeException e) {
      if (!dags.isEmpty()) LOG.warnf("data trigger: could not look for stale watchers: %s", e.getMessage());
    }
  }

  /** Starts, keeps or replaces the watcher of {@code dag}. */
  public Outcome reconcile(DagDefinition dag) {
    DataTriggerInput input = DataTriggers.input(dag, DataTriggers.POLLS_PER_EXECUTION);
    String id = DataTriggerWorkflow.workflowId(dag.dagId());
    Optional<String> running = runningConfig(id);
    if (running.isPresent() && running.get().equals(input.configHash())) return Outcome.KEPT;
    if (running.isPresent()) {
      stop(id, "the data_trigger or conf of DAG " + dag.dagId() + " changed; a new watcher starts");
    }
    WorkflowOptions options = WorkflowOptions.newBuilder()
        .setWorkflowId(id)
        .setTaskQueue(TaskQueues.CPU)
        .setMemo(Map.of(DataTriggerWorkflow.CONFIG_MEMO, input.configHash()))
        .setWorkflowIdReusePolicy(WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE)
        .build();
    DataTriggerWorkflow wf = temporal.client().newWorkflowStub(DataTriggerWorkflow.class, options);
    WorkflowClient.start(wf::watch, input);
    return running.isPresent() ? Outcome.REPLACED : Outcome.STARTED;
  }

  /** The config hash in the memo of the running watcher; empty when none runs. */
  Optional<String> runningConfig(String workflowId) {
    WorkflowExecutionInfo info;
    try {
      info = temporal.stubs().blockingStub().withDeadlineAfter(10, TimeUnit.SECONDS)
          .describeWorkflowExecution(DescribeWorkflowExecutionRequest.newBuilder()
              .setNamespace(temporal.namespace())
              .setExecution(WorkflowExecution.newBuilder().setWorkflowId(workflowId)).build())
          .getWorkflowExecutionInfo();
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() == Status.Code.NOT_FOUND) return Optional.empty();
      throw e;
    }
    if (info.getStatus() != WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING) {
      return Optional.empty();
    }
    Payload p = info.getMemo().getFieldsMap().get(DataTriggerWorkflow.CONFIG_MEMO);
    // A watcher without the memo was not started by us: treat it as another config.
    return Optional.of(p == null ? "" : DefaultDataConverter.STANDARD_INSTANCE.fromPayload(p,
        String.class, String.class));
  }

  private void stop(String workflowId, String reason) {
    temporal.client().newUntypedWorkflowStub(workflowId).terminate(reason);
  }

  /** Workflow ids of running watchers (ListOpen: the Java test server has no visibility queries). */
  private List<String> openWatchers() {
    StartTimeFilter always = StartTimeFilter.newBuilder()
        .setEarliestTime(Timestamp.newBuilder().setSeconds(0))
        .setLatestTime(Timestamp.newBuilder().setSeconds(Instant.now().getEpochSecond() + 86_400))
        .build();
    var resp = temporal.stubs().blockingStub().withDeadlineAfter(10, TimeUnit.SECONDS)
        .listOpenWorkflowExecutions(ListOpenWorkflowExecutionsRequest.newBuilder()
            .setNamespace(temporal.namespace())
            .setTypeFilter(WorkflowTypeFilter.newBuilder().setName(WORKFLOW_TYPE))
            .setStartTimeFilter(always).setMaximumPageSize(1000)
            .setNextPageToken(ByteString.EMPTY).build());
    // the test server ignores the type filter: check the type here too
    return resp.getExecutionsList().stream()
        .filter(i -> WORKFLOW_TYPE.equals(i.getType().getName()))
        .map(i -> i.getExecution().getWorkflowId()).distinct().toList();
  }
}
