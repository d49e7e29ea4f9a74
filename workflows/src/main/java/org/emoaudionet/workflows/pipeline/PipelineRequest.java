package org.emoaudionet.workflows.pipeline;

import org.emoaudionet.workflows.activity.DatasetRef;
import org.emoaudionet.workflows.conf.RunConf;
import org.emoaudionet.workflows.dag.ChampionPolicy;
import org.emoaudionet.workflows.dag.DagDefinition;

/**
 * Input of one DAG run. Everything the workflow needs from the DAG's definition travels here, so
 * the workflow never reads definition files (it must replay deterministically).
 *
 * @param dagRunId Airflow's {@code dag_run_id}; also the MLflow run name
 * @param conf validated run parameters (defaults already merged)
 * @param participantLevel evaluate per recording too (DAIC-WOZ)
 * @param champion which test metric decides the MLflow {@code champion} alias
 * @param parent set on the child runs of a cross-validation (one per fold, {@code conf.fold}):
 *     the parent's run and the data set it stored; null for every other run
 * @param reuse set by a task-level clear: the results of the tasks that are not run again;
 *     null for a whole run (histories recorded before it existed replay as null)
 */
public record PipelineRequest(String dagId, String dagRunId, RunConf conf,
    boolean participantLevel, ChampionPolicy champion, CrossValidationParent parent,
    ReusedResults reuse) {

  public PipelineRequest(String dagId, String dagRunId, RunConf conf, boolean participantLevel,
      ChampionPolicy champion, CrossValidationParent parent) {
    this(dagId, dagRunId, conf, participantLevel, champion, parent, null);
  }

  public PipelineRequest(String dagId, String dagRunId, RunConf conf, boolean participantLevel,
      ChampionPolicy champion) {
    this(dagId, dagRunId, conf, participantLevel, champion, null);
  }

  public static PipelineRequest of(DagDefinition dag, String dagRunId, RunConf conf) {
    return new PipelineRequest(dag.dagId(), dagRunId, conf, dag.participantLevel(), dag.champion());
  }

  /** This request re-running only the tasks {@code reuse} does not keep. */
  public PipelineRequest reusing(ReusedResults reuse) {
    return new PipelineRequest(dagId, dagRunId, conf, participantLevel, champion, parent, reuse);
  }

  /**
   * The request of fold {@code fold} of this cross-validation run: the same conf with
   * {@code fold} set, run id {@code <dag_run_id>-fold-<fold>} (its MLflow run's name and its S3
   * folder), and the parent's MLflow run and stored data set.
   */
  public PipelineRequest forFold(int fold, String parentMlflowRunId, DatasetRef dataset) {
    return new PipelineRequest(dagId, foldRunId(dagRunId, fold), conf.forFold(fold),
        participantLevel, champion, new CrossValidationParent(dagRunId, parentMlflowRunId, dataset));
  }

  /** The run id of fold {@code fold} of run {@code dagRunId}. */
  public static String foldRunId(String dagRunId, int fold) {
    return dagRunId + "-fold-" + fold;
  }

  /**
   * Temporal workflow id of fold {@code fold}'s child run: below its parent's, and never the id
   * of a DAG run (run ids have no '/'), so the API does not list it as one.
   */
  public static String foldWorkflowId(String dagId, String dagRunId, int fold) {
    return workflowId(dagId, dagRunId) + "/fold-" + fold;
  }

  /** Temporal workflow id of a DAG run: unique per DAG and run id. */
  public static String workflowId(String dagId, String dagRunId) {
    return dagId + "/" + dagRunId;
  }
}
