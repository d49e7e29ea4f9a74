package org.emoaudionet.workflows.schedule;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * Watches a DAG's data prefix and starts one {@code asset_triggered} run per change (Airflow's
 * asset-triggered DAG runs). One long-lived execution per DAG, started by the API at start-up.
 */
@WorkflowInterface
public interface DataTriggerWorkflow {
  /** Memo key holding {@link DataTriggerInput#configHash()} of the running watcher. */
  String CONFIG_MEMO = "trigger_config";

  /** Temporal workflow id of a DAG's watcher. */
  static String workflowId(String dagId) {
    return "emo-data-trigger/" + dagId;
  }

  /** Polls until terminated; continues as new every {@code pollsPerExecution} polls. */
  @WorkflowMethod
  void watch(DataTriggerInput input);

  /** What the watcher remembers now (for operators and tests). */
  @QueryMethod
  DataTriggerState state();
}
