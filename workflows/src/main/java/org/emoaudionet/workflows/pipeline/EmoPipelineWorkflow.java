package org.emoaudionet.workflows.pipeline;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.util.List;

/** A DAG run: download → preprocess → augment → train → evaluate → register → promote. */
@WorkflowInterface
public interface EmoPipelineWorkflow {
  @WorkflowMethod
  PipelineResult run(PipelineRequest request);

  /** Task instances in DAG order, for the API's taskInstances and logs. */
  @QueryMethod
  List<TaskState> tasks();
}
