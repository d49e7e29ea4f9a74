package org.emoaudionet.api;

import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import java.time.Instant;
import java.util.Map;

/**
 * One Temporal execution of a DAG run, as listed or described.
 *
 * @param runId Temporal's run id of this execution (a cleared run has several)
 * @param memo the memo the API wrote at start (its keys: infra/README.md, "Temporal ids and the
 *     run memo"), decoded to strings
 */
public record RunRecord(
    String workflowId,
    String runId,
    Map<String, String> memo,
    Instant started,
    Instant closed,
    WorkflowExecutionStatus status) {

  public boolean open() {
    return status == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING;
  }

  public String dagId() {
    return memo.get("dag_id");
  }

  public String dagRunId() {
    return memo.get("dag_run_id");
  }
}
