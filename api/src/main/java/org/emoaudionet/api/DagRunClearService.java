package org.emoaudionet.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.emoaudionet.api.AirflowModels.DagRun;
import org.emoaudionet.api.AirflowModels.TaskInstanceCollection;
import org.emoaudionet.workflows.dag.DagDefinition;

/**
 * {@code POST .../dagRuns/{dag_run_id}/clear}: the whole run starts again under its dag_run_id
 * ({@link DagRunService#restart}). A dry run answers the task instances that would run again,
 * as Airflow does: every one, since a run clears as a whole.
 */
@ApplicationScoped
public class DagRunClearService {
  @Inject DagViews dags;
  @Inject DagRunLookup lookup;
  @Inject RunViews views;
  @Inject DagRunService service;
  @Inject RunAnnotations annotations;

  /** A {@link TaskInstanceCollection} for a dry run, the restarted {@link DagRun} otherwise. */
  Object clear(String dagId, String runId, DagRunClearRequest req, String user) {
    DagDefinition dag = dags.require(dagId);
    RunRecord run = lookup.require(dagId, runId);
    if (req.dryRun()) {
      var tis = views.taskInstances(views.snapshot(run));
      return new TaskInstanceCollection(tis, tis.size());
    }
    DagRun restarted = service.restart(dag, run, user);
    if (req.note() == null) return restarted;
    annotations.setNote(run.workflowId(), req.note());
    return lookup.dagRun(dagId, runId);
  }
}
