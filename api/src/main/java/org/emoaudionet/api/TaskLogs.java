package org.emoaudionet.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.emoaudionet.api.AirflowModels.LogMessage;
import org.emoaudionet.api.AirflowModels.TaskInstance;

/**
 * A task's log as Airflow's structured messages, one per line. The workflow keeps one log per
 * task (all tries), so every try that happened answers the same text.
 */
@ApplicationScoped
public class TaskLogs {
  @Inject DagRunLookup runs;
  @Inject TaskInstanceLookup taskInstances;
  @Inject RunViews views;

  /** @param mapIndex the query's {@code map_index} as sent; null or {@code -1} for the task */
  List<LogMessage> log(String dagId, String runId, String taskId, int tryNumber,
      String mapIndex) {
    if (mapIndex != null && !mapIndex.equals("-1")) {
      throw TaskInstanceLookup.notFound(dagId, runId, taskId, -1);
    }
    // one look-up of the run and one snapshot serve both the task instance and its log
    RunViews.Snapshot snapshot = views.snapshot(runs.require(dagId, runId));
    TaskInstance ti = taskInstances.require(snapshot, dagId, runId, taskId);
    if (tryNumber < 0 || (tryNumber > ti.tryNumber() && ti.tryNumber() > 0)) {
      throw ApiException.notFound("TaskInstance " + taskId + " of run `" + runId + "` has no try "
          + tryNumber + " (tries so far: " + ti.tryNumber() + ")");
    }
    String text = views.log(snapshot, taskId);
    return text.isEmpty() ? List.of()
        : text.lines().map(l -> new LogMessage(l, null)).toList();
  }
}
