package org.emoaudionet.workflows;

/**
 * Input of one DAG run. Everything the workflow needs from the DAG's definition travels here, so
 * the workflow never reads definition files (it must replay deterministically).
 *
 * @param dagRunId Airflow's {@code dag_run_id}; also the MLflow run name
 * @param conf validated run parameters (defaults already merged)
 * @param participantLevel evaluate per recording too (DAIC-WOZ)
 * @param champion which test metric decides the MLflow {@code champion} alias
 */
public record PipelineRequest(String dagId, String dagRunId, RunConf conf,
    boolean participantLevel, ChampionPolicy champion) {

  public static PipelineRequest of(DagDefinition dag, String dagRunId, RunConf conf) {
    return new PipelineRequest(dag.dagId(), dagRunId, conf, dag.participantLevel(), dag.champion());
  }

  /** Temporal workflow id of a DAG run: unique per DAG and run id. */
  public static String workflowId(String dagId, String dagRunId) {
    return dagId + "/" + dagRunId;
  }
}
