package org.emoaudionet.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.emoaudionet.api.AirflowModels.TaskInstance;
import org.emoaudionet.workflows.dag.DagDefinition;

/**
 * One task instance of a DAG run, or Airflow's 404. Every task here is a single, unmapped one:
 * map index -1 only. The endpoints under {@code .../taskInstances/{task_id}} start here.
 */
@ApplicationScoped
public class TaskInstanceLookup {
  @Inject DagRunLookup runs;
  @Inject RunViews views;

  TaskInstance require(String dagId, String runId, String taskId) {
    return require(dagId, runId, taskId, -1);
  }

  TaskInstance require(String dagId, String runId, String taskId, int mapIndex) {
    RunRecord run = runs.require(dagId, runId);
    if (!DagDefinition.TASK_IDS.contains(taskId) || mapIndex != -1) {
      throw notFound(dagId, runId, taskId, mapIndex);
    }
    return require(views.snapshot(run), dagId, runId, taskId);
  }

  /** The task instance in a snapshot already taken (a caller that reads the run's log too). */
  TaskInstance require(RunViews.Snapshot snapshot, String dagId, String runId, String taskId) {
    if (!DagDefinition.TASK_IDS.contains(taskId)) throw notFound(dagId, runId, taskId, -1);
    return views.taskInstances(snapshot).stream()
        .filter(t -> t.taskId().equals(taskId)).findFirst()
        .orElseThrow(() -> notFound(dagId, runId, taskId, -1));
  }

  static ApiException notFound(String dagId, String runId, String taskId, int mapIndex) {
    return ApiException.notFound("The Task Instance with dag_id: `" + dagId + "`, run_id: `"
        + runId + "`, task_id: `" + taskId + "` and map_index: `" + mapIndex + "` was not found");
  }
}
