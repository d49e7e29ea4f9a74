package org.emoaudionet.workflows.activity;

import org.emoaudionet.workflows.conf.RunConf;

/**
 * @param workflowId the Temporal workflow id, tagged on the MLflow run
 * @param parentRunId the MLflow run this one is a child of ({@code mlflow.parentRunId}: a
 *     cross-validation fold's parent); null for a top-level run
 * @param triggeringUser Airflow's {@code triggering_user_name} (the run memo's): the MLflow run's
 *     user; null when nobody triggered it (a schedule, a data trigger, a fold)
 * @param note Airflow's DAG run {@code note} as given when triggered (the memo's): the MLflow
 *     run's description; null for none
 */
public record StartRunInput(String dagId, String dagRunId, String workflowId, RunConf conf,
    String parentRunId, String triggeringUser, String note) {

  public StartRunInput(String dagId, String dagRunId, String workflowId, RunConf conf) {
    this(dagId, dagRunId, workflowId, conf, null);
  }

  public StartRunInput(String dagId, String dagRunId, String workflowId, RunConf conf,
      String parentRunId) {
    this(dagId, dagRunId, workflowId, conf, parentRunId, null, null);
  }
}
