package org.emoaudionet.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.emoaudionet.api.AirflowModels.Dag;
import org.emoaudionet.api.AirflowModels.DagCollection;
import org.emoaudionet.api.AirflowModels.Task;
import org.emoaudionet.api.AirflowModels.TaskCollection;

/**
 * {@code /api/v2/dags}: the DAG files' pipelines, their pause state and schedules. Each endpoint
 * parses its request and hands it to one service; errors are ApiExceptions, answered by
 * {@link ErrorMappers}.
 */
@Path("/api/v2/dags")
@Produces(MediaType.APPLICATION_JSON)
public class DagResource {
  @Inject DagViews views;
  @Inject DagListing listing;
  @Inject DagPausing pausing;
  @Inject DagDetails details;
  @Inject CurrentUser currentUser;
  @Inject ObjectMapper json;

  /** Airflow's documented filters of get_dags, every one applied (DagFilters for the rest). */
  @GET
  public DagCollection list(@QueryParam("limit") String limit, @QueryParam("offset") String offset,
      @QueryParam("tags") List<String> tags, @QueryParam("tags_match_mode") String tagsMode,
      @QueryParam("dag_id_pattern") String idPattern,
      @QueryParam("dag_display_name_pattern") String namePattern,
      @QueryParam("paused") String paused, @QueryParam("order_by") List<String> orderBy,
      @QueryParam("owners") List<String> owners,
      @QueryParam("dag_run_state") List<String> runStates,
      @QueryParam("timetable_type") List<String> timetableTypes, @Context UriInfo uri) {
    Map<String, String> q = new LinkedHashMap<>();
    uri.getQueryParameters().forEach((k, v) -> q.put(k, v.isEmpty() ? null : v.get(0)));
    DagFilters filters = DagFilters.parse(q, owners, runStates, timetableTypes);
    var sel = new DagSelection(tags, tagsMode, idPattern, namePattern, paused, orderBy);
    return listing.list(sel, filters, limit, offset);
  }

  /** Pauses or resumes one DAG. */
  @PATCH
  @Path("/{dag_id}")
  @Consumes(MediaType.WILDCARD)
  public Dag patch(@PathParam("dag_id") String dagId,
      @QueryParam("update_mask") List<String> mask, String body) {
    DagPatchRequest req = DagPatchRequest.parse(body, mask, json);
    return pausing.set(dagId, req.paused(), currentUser.name());
  }

  /** Pauses or resumes every DAG matching the filters; {@code dag_id_pattern} is required. */
  @PATCH
  @Consumes(MediaType.WILDCARD)
  public DagCollection patchAll(@QueryParam("limit") String limit,
      @QueryParam("offset") String offset, @QueryParam("tags") List<String> tags,
      @QueryParam("tags_match_mode") String tagsMode,
      @QueryParam("dag_id_pattern") String idPattern, @QueryParam("paused") String pausedFilter,
      @QueryParam("dag_id_prefix_pattern") String idPrefix,
      @QueryParam("owners") List<String> owners, @QueryParam("exclude_stale") String excludeStale,
      @QueryParam("update_mask") List<String> mask,
      String body) {
    DagPatchRequest req = DagPatchRequest.parse(body, mask, json);
    Params.bool("exclude_stale", excludeStale); // nothing is stale: checked only
    DagPatchRequest.requireTarget(idPattern, idPrefix);
    var sel = new DagSelection(tags, tagsMode, idPattern, null, pausedFilter, List.of());
    return pausing.setMatching(sel, idPrefix, owners, req.paused(), currentUser.name(), limit,
        offset);
  }

  @GET
  @Path("/{dag_id}")
  public Dag get(@PathParam("dag_id") String dagId) {
    return views.dag(dagId);
  }

  /** DAGDetailsResponse: see {@link DagDetails}. */
  @GET
  @Path("/{dag_id}/details")
  public Map<String, Object> details(@PathParam("dag_id") String dagId) {
    return details.details(dagId);
  }

  @GET
  @Path("/{dag_id}/tasks")
  public TaskCollection tasks(@PathParam("dag_id") String dagId,
      @HeaderParam("User-Agent") String userAgent) {
    return views.tasks(dagId, userAgent);
  }

  @GET
  @Path("/{dag_id}/tasks/{task_id}")
  public Task task(@PathParam("dag_id") String dagId, @PathParam("task_id") String taskId,
      @HeaderParam("User-Agent") String userAgent) {
    return views.task(dagId, taskId, userAgent);
  }
}
