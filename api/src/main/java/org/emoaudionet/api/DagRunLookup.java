package org.emoaudionet.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.emoaudionet.api.AirflowModels.DagRun;
import org.emoaudionet.workflows.dag.DagCatalog;

/**
 * One DAG run by its DAG and dag_run_id, or Airflow's 404: the DAG's own when the DAG is
 * unknown, the run's otherwise. Every endpoint under {@code .../dagRuns/{dag_run_id}} starts
 * here; {@code ~} stands for any DAG.
 */
@ApplicationScoped
public class DagRunLookup {
  @Inject DagCatalog catalog;
  @Inject DagViews dags;
  @Inject RunRepository runs;
  @Inject RunViews views;

  RunRecord require(String dagId, String runId) {
    if (!dagId.equals("~") && catalog.get(dagId).isEmpty()) dags.require(dagId);
    // an id Temporal would refuse (a 503) names no run here: a 404
    Optional<RunRecord> r = RunIds.addressable(dagId, runId) ? runs.find(dagId, runId)
        : Optional.empty();
    return r.orElseThrow(() -> ApiException.notFound("The DagRun with dag_id: `" + dagId
        + "` and run_id: `" + runId + "` was not found"));
  }

  /** The run as Airflow's DAGRunResponse. */
  DagRun dagRun(String dagId, String runId) {
    return views.dagRun(require(dagId, runId));
  }
}
