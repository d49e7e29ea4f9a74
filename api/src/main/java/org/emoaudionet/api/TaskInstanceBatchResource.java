package org.emoaudionet.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Set;
import org.emoaudionet.api.AirflowModels.TaskInstanceCollection;

/**
 * {@code POST /api/v2/dags/~/dagRuns/~/taskInstances/list}: task instances of any runs, filtered
 * by a TaskInstancesBatchBody.
 */
@Path("/api/v2/dags/{dag_id}/dagRuns/{dag_run_id}/taskInstances/list")
@Produces(MediaType.APPLICATION_JSON)
public class TaskInstanceBatchResource {
  private static final Set<String> FIELDS = Set.of("dag_ids", "dag_run_ids", "task_ids",
      "executor", "order_by", "page_limit", "page_offset", "pool", "queue", "state",
      "duration_gt", "duration_gte", "duration_lt", "duration_lte",
      "end_date_gt", "end_date_gte", "end_date_lt", "end_date_lte",
      "logical_date_gt", "logical_date_gte", "logical_date_lt", "logical_date_lte",
      "run_after_gt", "run_after_gte", "run_after_lt", "run_after_lte",
      "start_date_gt", "start_date_gte", "start_date_lt", "start_date_lte");
  private static final Set<String> LISTS = Set.of("dag_ids", "dag_run_ids", "task_ids",
      "executor", "pool", "queue", "state");

  @Inject TaskInstanceListing listing;
  @Inject ObjectMapper json;

  @POST
  @Consumes(MediaType.WILDCARD)
  public TaskInstanceCollection list(@PathParam("dag_id") String dagId,
      @PathParam("dag_run_id") String runId, String body) {
    Params.tilde("dag_id", dagId);
    Params.tilde("dag_run_id", runId);
    BatchBody b = BatchBody.parse(body, json, FIELDS, LISTS);
    for (String key : b.orderBy()) {
      String attr = key.startsWith("-") ? key.substring(1) : key;
      if (!TaskInstanceListing.BATCH_SORT_KEYS.contains(attr)) {
        throw ApiException.badRequest("Ordering with '" + attr + "' is disallowed or the"
            + " attribute does not exist on the model; supported: "
            + TaskInstanceListing.BATCH_SORT_KEYS.stream().sorted().toList());
      }
    }
    return listing.list(listing.runs("~", "~"), b.source(), b.orderBy(), b.pageOffset(),
        b.pageLimit());
  }
}
