package org.emoaudionet.workflows.dag;

import java.util.List;
import java.util.Map;
import org.emoaudionet.spec.PipelineTask;

/**
 * One pipeline as Airflow would list it.
 *
 * @param defaultConf merged under a run's {@code conf}
 * @param participantLevel evaluate per recording too (DAIC-WOZ)
 * @param schedule cron expression or Airflow preset ({@code @daily}); null: manual runs only
 * @param dataTrigger retrain when objects under an S3 prefix change; null: none
 * @param champion which test metric decides the MLflow {@code champion} alias
 * @param pausedUponCreation Airflow's {@code is_paused_upon_creation}
 */
public record DagDefinition(
    String dagId,
    String description,
    List<String> tags,
    Map<String, Object> defaultConf,
    boolean participantLevel,
    String schedule,
    DataTrigger dataTrigger,
    ChampionPolicy champion,
    boolean pausedUponCreation) {

  /** Task ids, in order; every DAG has the same seven. */
  public static final List<String> TASK_IDS = PipelineTask.IDS;

  /** A manual-only DAG, champion by its task's default metric. */
  public DagDefinition(String dagId, String description, List<String> tags,
      Map<String, Object> defaultConf, boolean participantLevel) {
    this(dagId, description, tags, defaultConf, participantLevel, null, null,
        ChampionPolicy.defaultFor(String.valueOf(defaultConf.get("task"))), false);
  }
}
