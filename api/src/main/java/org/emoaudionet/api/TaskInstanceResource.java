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
import org.emoaudionet.api.AirflowModels.TaskInstance;
import org.emoaudionet.api.AirflowModels.TaskInstanceCollection;

/** Task instances of a DAG run and their logs: each endpoint parses, asks one service, returns. */
@Path("/api/v2/dags/{dag_id}/dagRuns/{dag_run_id}/taskInstances")
@Produces(MediaType.APPLICATION_JSON)
public class TaskInstanceResource {
  @Inject DagViews dags;
  @Inject TaskInstanceListing listing;
  @Inject TaskInstanceLookup taskInstances;
  @Inject TaskLogs logs;
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
    return taskInstances.require(dagId, runId, taskId);
  }

  @GET
  @Path("/{task_id}/logs/{try_number}")
  @Produces({MediaType.APPLICATION_JSON, TaskLogBody.NDJSON})
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
    return TaskLogBody.of(logs.log(dagId, runId, taskId, tryNumber, mapIndex), accept, json);
  }
}
