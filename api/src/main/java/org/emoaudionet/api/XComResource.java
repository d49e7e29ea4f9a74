package org.emoaudionet.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.emoaudionet.api.AirflowModels.XComCollection;

/**
 * Read-only XComs: each task's result under Airflow's key {@code return_value} (see
 * {@link XComViews}). Writing them (POST, PATCH, DELETE) is not served: results are what the
 * activities returned, and the workflow history they come from cannot be edited.
 */
@Path("/api/v2/dags/{dag_id}/dagRuns/{dag_run_id}/taskInstances/{task_id}/xcomEntries")
@Produces(MediaType.APPLICATION_JSON)
public class XComResource {
  @Inject XComListing xcoms;

  /** Also {@code ~} for any DAG, run or task, as Airflow allows. */
  @GET
  public XComCollection list(@PathParam("dag_id") String dagId,
      @PathParam("dag_run_id") String runId, @PathParam("task_id") String taskId,
      @Context UriInfo uri) {
    return xcoms.list(dagId, runId, taskId, XComQuery.parse(uri.getQueryParameters()));
  }

  /**
   * One XCom. {@code deserialize} makes no difference here: every value is plain JSON, which
   * Airflow's serde deserialisation gives back unchanged; {@code stringify} answers Python's
   * {@code str()} of it.
   */
  @GET
  @Path("/{xcom_key}")
  public Object get(@PathParam("dag_id") String dagId, @PathParam("dag_run_id") String runId,
      @PathParam("task_id") String taskId, @PathParam("xcom_key") String key,
      @QueryParam("map_index") String mapIndex, @QueryParam("deserialize") String deserialize,
      @QueryParam("stringify") String stringify) {
    int index = XComQuery.mapIndex(mapIndex, -1);
    Params.bool("deserialize", deserialize);
    boolean asString = Boolean.TRUE.equals(Params.bool("stringify", stringify));
    return xcoms.get(dagId, runId, taskId, key, index, asString);
  }
}
