package org.emoaudionet.workflows;

/**
 * Input of one DAG run.
 *
 * @param dagRunId Airflow's {@code dag_run_id}; also the MLflow run name
 * @param conf validated run parameters (defaults already merged)
 */
public record PipelineRequest(String dagId, String dagRunId, RunConf conf) {
  /** Temporal workflow id of a DAG run: unique per DAG and run id. */
  public static String workflowId(String dagId, String dagRunId) {
    return dagId + "/" + dagRunId;
  }
}
