package org.emoaudionet.workflows.schedule;

import io.temporal.api.enums.v1.ParentClosePolicy;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.workflow.Async;
import io.temporal.workflow.ChildWorkflowOptions;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.util.LinkedHashMap;
import java.util.Map;
import org.emoaudionet.spec.TaskQueues;
import org.emoaudionet.workflows.pipeline.EmoPipelineWorkflow;
import org.emoaudionet.workflows.pipeline.PipelineRequest;
import org.emoaudionet.workflows.pipeline.PipelineResult;

/**
 * Starts a DAG run from inside a workflow (a schedule's or a data trigger's): the run is an
 * ordinary {@code EmoPipelineWorkflow} with the workflow id and memo the API lists, and it
 * outlives its starter (ABANDON), so a watcher can continue-as-new while the run trains.
 * Being a child start recorded in the starter's history, it happens exactly once even when the
 * starter's worker restarts and replays.
 */
public final class ChildPipelines {
  private ChildPipelines() {}

  /** Starts the run and returns once Temporal has accepted it; the promise is its result. */
  public static Promise<PipelineResult> start(PipelineRequest request, Map<String, String> memo) {
    ChildWorkflowOptions options = ChildWorkflowOptions.newBuilder()
        .setWorkflowId(PipelineRequest.workflowId(request.dagId(), request.dagRunId()))
        .setTaskQueue(TaskQueues.CPU)
        .setMemo(new LinkedHashMap<String, Object>(memo))
        .setParentClosePolicy(ParentClosePolicy.PARENT_CLOSE_POLICY_ABANDON)
        .setWorkflowIdReusePolicy(WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE)
        .build();
    EmoPipelineWorkflow child = Workflow.newChildWorkflowStub(EmoPipelineWorkflow.class, options);
    Promise<PipelineResult> result = Async.function(child::run, request);
    Workflow.getWorkflowExecution(child).get();
    return result;
  }
}
