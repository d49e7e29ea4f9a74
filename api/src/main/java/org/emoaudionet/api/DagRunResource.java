package org.emoaudionet.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
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
import org.emoaudionet.api.AirflowModels.DagRun;
import org.emoaudionet.api.AirflowModels.DagRunCollection;

/**
 * {@code /api/v2/dags/{dag_id}/dagRuns}: DAG runs as Temporal executions. Each endpoint parses
 * its request and hands it to the service that does the work; errors are ApiExceptions, answered
 * by {@link ErrorMappers}.
 */
@Path("/api/v2/dags/{dag_id}/dagRuns")
@Produces(MediaType.APPLICATION_JSON)
public class DagRunResource {
  /** Airflow 3.3's parameters this API cannot honour: refused, never silently ignored. */
  static final Map<String, String> UNSUPPORTED = Map.of(
      "cursor", "keyset pagination is not supported here; page with offset and limit",
      "consuming_asset_pattern", "runs are not linked to asset events here (data-triggered"
          + " runs have run_type asset_triggered)");

  @Inject DagRunListing listing;
  @Inject DagRunLookup lookup;
  @Inject DagRunService service;
  @Inject DagRunStateChange stateChange;
  @Inject DagRunDeletion deletion;
  @Inject DagRunClearService clears;
  @Inject CurrentUser currentUser;
  @Inject ObjectMapper json;
  @Inject ApiSettings settings;

  /** Also {@code ~} for the runs of every DAG. */
  @GET
  public DagRunCollection list(@PathParam("dag_id") String dagId, @Context UriInfo uri) {
    MultivaluedMap<String, String> q = uri.getQueryParameters();
    Params.refuse(q, UNSUPPORTED);
    int lim = Params.limit(q.getFirst("limit"));
    int off = Params.offset(q.getFirst("offset"));
    List<String> orderBy = q.getOrDefault("order_by", List.of());
    return listing.list(dagId, FilterSource.query(q), orderBy, off, lim);
  }

  @POST
  @Consumes(MediaType.WILDCARD)
  public DagRun trigger(@PathParam("dag_id") String dagId, String body) {
    TriggerRequest req = TriggerRequest.parse(body, json, settings);
    return service.trigger(dagId, req, currentUser.name());
  }

  @GET
  @Path("/{dag_run_id}")
  public DagRun get(@PathParam("dag_id") String dagId, @PathParam("dag_run_id") String runId) {
    return lookup.dagRun(dagId, runId);
  }

  @PATCH
  @Path("/{dag_run_id}")
  @Consumes(MediaType.WILDCARD)
  public DagRun patch(@PathParam("dag_id") String dagId, @PathParam("dag_run_id") String runId,
      @QueryParam("update_mask") List<String> mask, String body) {
    DagRunPatchRequest req = DagRunPatchRequest.parse(body, mask, json);
    return stateChange.patch(dagId, runId, req, currentUser.name());
  }

  @DELETE
  @Path("/{dag_run_id}")
  public Response delete(@PathParam("dag_id") String dagId, @PathParam("dag_run_id") String runId) {
    deletion.delete(dagId, runId);
    return Response.noContent().build();
  }

  /** A {@code TaskInstanceCollection} for a dry run (the default), the run cleared otherwise. */
  @POST
  @Path("/{dag_run_id}/clear")
  @Consumes(MediaType.WILDCARD)
  public Object clear(@PathParam("dag_id") String dagId, @PathParam("dag_run_id") String runId,
      String body) {
    DagRunClearRequest req = DagRunClearRequest.parse(body, json);
    return clears.clear(dagId, runId, req, currentUser.name());
  }
}
