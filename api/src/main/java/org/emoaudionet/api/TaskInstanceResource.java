package org.emoaudionet.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import org.emoaudionet.api.AirflowModels.LogMessage;
import org.emoaudionet.api.AirflowModels.TaskInstance;
import org.emoaudionet.api.AirflowModels.TaskInstanceCollection;
import org.emoaudionet.api.AirflowModels.TaskInstancesLog;
import org.emoaudionet.workflows.dag.DagDefinition;

/** Task instances of a DAG run, from the workflow's {@code tasks()} query. */
@Path("/api/v2/dags/{dag_id}/dagRuns/{dag_run_id}/taskInstances")
@Produces(MediaType.APPLICATION_JSON)
public class TaskInstanceResource {
  private static final String NDJSON = "application/x-ndjson";

  @Inject DagRunLookup lookup;
  @Inject DagViews dags;
  @Inject RunViews views;
  @Inject TaskInstanceListing listing;
  @Inject ObjectMapper json;

  /** Airflow 3.3's parameters this API cannot honour: refused, never silently ignored. */
  private static final Map<String, String> UNSUPPORTED = Map.of(
      "cursor", "keyset pagination is not supported here; page with offset and limit");

  /** Also {@code ~} for any DAG and any run, as Airflow allows. */
  @GET
  public TaskInstanceCollection list(@PathParam("dag_id") String dagId,
      @PathParam("dag_run_id") String runId, @Context UriInfo uri) {
    MultivaluedMap<String, String> q = uri.getQueryParameters();
    Params.refuse(q, UNSUPPORTED);
    int lim = Params.limit(q.getFirst("limit"));
    int off = Params.offset(q.getFirst("offset"));
    if (!dagId.equals("~")) dags.require(dagId);
    return listing.list(listing.runs(dagId, runId), FilterSource.query(q),
        q.getOrDefault("order_by", List.of()), off, lim);
  }

  @GET
  @Path("/{task_id}")
  public TaskInstance get(@PathParam("dag_id") String dagId, @PathParam("dag_run_id") String runId,
      @PathParam("task_id") String taskId) {
    return find(dagId, runId, taskId);
  }

  private TaskInstance find(String dagId, String runId, String taskId) {
    return find(dagId, runId, taskId, -1);
  }

  /** The task instance, or 404 (every task here is unmapped: map index -1 only). */
  TaskInstance find(String dagId, String runId, String taskId, int mapIndex) {
    RunRecord run = lookup.require(dagId, runId);
    if (!DagDefinition.TASK_IDS.contains(taskId) || mapIndex != -1) {
      throw ApiException.notFound("The Task Instance with dag_id: `" + dagId + "`, run_id: `"
          + runId + "`, task_id: `" + taskId + "` and map_index: `" + mapIndex + "` was not found");
    }
    return views.taskInstances(views.snapshot(run)).stream()
        .filter(t -> t.taskId().equals(taskId)).findFirst()
        .orElseThrow(() -> notFound(dagId, runId, taskId));
  }

  private static ApiException notFound(String dagId, String runId, String taskId) {
    return ApiException.notFound("The Task Instance with dag_id: `" + dagId + "`, run_id: `" + runId
        + "`, task_id: `" + taskId + "` and map_index: `-1` was not found");
  }

  /**
   * Airflow's log body: structured messages, one per line. The workflow keeps one log per task
   * (all tries), so every try that happened answers the same text.
   */
  @GET
  @Path("/{task_id}/logs/{try_number}")
  @Produces({MediaType.APPLICATION_JSON, NDJSON})
  public Response log(@PathParam("dag_id") String dagId, @PathParam("dag_run_id") String runId,
      @PathParam("task_id") String taskId, @PathParam("try_number") String tryRaw,
      @QueryParam("map_index") String mapIndex, @HeaderParam("Accept") String accept) {
    int tryNumber;
    try {
      tryNumber = Integer.parseInt(tryRaw);
    } catch (NumberFormatException e) {
      throw ApiException.invalid("int_parsing", List.of("path", "try_number"),
          "Input should be a valid integer, unable to parse string as an integer", tryRaw);
    }
    if (mapIndex != null && !mapIndex.equals("-1")) {
      throw notFound(dagId, runId, taskId);
    }
    TaskInstance ti = find(dagId, runId, taskId);
    if (tryNumber < 0 || (tryNumber > ti.tryNumber() && ti.tryNumber() > 0)) {
      throw ApiException.notFound("TaskInstance " + taskId + " of run `" + runId + "` has no try "
          + tryNumber + " (tries so far: " + ti.tryNumber() + ")");
    }
    RunRecord run = lookup.require(dagId, runId);
    String text = views.log(views.snapshot(run), taskId);
    List<LogMessage> lines = text.isEmpty() ? List.of()
        : text.lines().map(l -> new LogMessage(l, null)).toList();
    boolean ndjson = accept != null && accept.contains(NDJSON) && !accept.contains(MediaType.APPLICATION_JSON);
    if (ndjson) {
      StringBuilder sb = new StringBuilder();
      for (LogMessage m : lines) {
        try {
          sb.append(json.writeValueAsString(Map.of("event", m.event()))).append('\n');
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
          throw new IllegalStateException(e);
        }
      }
      return Response.ok(sb.toString(), NDJSON).build();
    }
    return Response.ok(new TaskInstancesLog(lines, null), MediaType.APPLICATION_JSON).build();
  }
}
