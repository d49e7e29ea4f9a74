package org.emoaudionet.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import org.emoaudionet.api.AirflowModels.TaskInstance;
import org.emoaudionet.api.AirflowModels.TaskInstanceHistory;
import org.emoaudionet.api.AirflowModels.TaskInstanceHistoryCollection;
import org.emoaudionet.workflows.dag.DagDefinition;

/**
 * A task's tries (Airflow's TaskInstanceHistory), from the Temporal activity attempts the
 * workflow counts: the latest try is the task instance itself; an earlier one is an attempt that
 * failed and was retried (or, after a task-level clear, a try of the earlier execution). Temporal
 * keeps no times of the attempts it retried, so those have no start or end date, and their state
 * is {@code failed}, as Airflow records a try that did not finish.
 */
@Path("/api/v2/dags/{dag_id}/dagRuns/{dag_run_id}/taskInstances/{task_id}/tries")
@Produces(MediaType.APPLICATION_JSON)
public class TaskTryResource {
  @Inject TaskInstanceLookup taskInstances;

  @GET
  public TaskInstanceHistoryCollection list(@PathParam("dag_id") String dagId,
      @PathParam("dag_run_id") String runId, @PathParam("task_id") String taskId,
      @QueryParam("map_index") String mapIndex) {
    int index = mapIndex(mapIndex);
    TaskInstance ti = taskInstances.require(dagId, runId, taskId, index);
    List<TaskInstanceHistory> tries = new ArrayList<>();
    for (int n = 1; n <= ti.tryNumber(); n++) tries.add(history(ti, n));
    return new TaskInstanceHistoryCollection(tries, tries.size());
  }

  @GET
  @Path("/{task_try_number}")
  public TaskInstanceHistory get(@PathParam("dag_id") String dagId,
      @PathParam("dag_run_id") String runId, @PathParam("task_id") String taskId,
      @PathParam("task_try_number") String tryRaw, @QueryParam("map_index") String mapIndex) {
    int n;
    try {
      // any integer is valid here (FastAPI's int); one beyond int range is simply no such try
      java.math.BigInteger big = new java.math.BigInteger(tryRaw.strip());
      n = big.bitLength() < 32 ? big.intValue() : -1;
    } catch (NumberFormatException e) {
      throw ApiException.invalid("int_parsing", List.of("path", "task_try_number"),
          "Input should be a valid integer, unable to parse string as an integer", tryRaw);
    }
    int index = mapIndex(mapIndex);
    TaskInstance ti = DagDefinition.TASK_IDS.contains(taskId) && index == -1
        ? taskInstances.require(dagId, runId, taskId, index) : null;
    if (ti == null || n < 1 || n > ti.tryNumber()) {
      throw ApiException.notFound("The Task Instance with dag_id: `" + dagId + "`, run_id: `"
          + runId + "`, task_id: `" + taskId + "`, try_number: `" + tryRaw.strip() + "` and map_index: `"
          + index + "` was not found");
    }
    return history(ti, n);
  }

  private static int mapIndex(String raw) {
    if (raw == null || raw.isEmpty()) return -1;
    try {
      java.math.BigInteger big = new java.math.BigInteger(raw.strip());
      return big.bitLength() < 32 ? big.intValue() : Integer.MIN_VALUE; // no such map index
    } catch (NumberFormatException e) {
      throw ApiException.invalid("int_parsing", List.of("query", "map_index"),
          "Input should be a valid integer, unable to parse string as an integer", raw);
    }
  }

  /** Try {@code n} of the task: the instance itself for the latest, a failed attempt before. */
  private static TaskInstanceHistory history(TaskInstance ti, int n) {
    TaskInstanceHistoryBuilder attempt = TaskInstanceHistory.tryOf(ti);
    if (n != ti.tryNumber()) {
      attempt.tryNumber(n).state("failed").startDate(null).endDate(null).duration(null);
    }
    return attempt.build();
  }
}
