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
import org.emoaudionet.api.AirflowModels.DagRunCollection;

/** {@code POST /api/v2/dags/~/dagRuns/list}: DAG runs of any DAGs, filtered by a DAGRunsBatchBody. */
@Path("/api/v2/dags/{dag_id}/dagRuns/list")
@Produces(MediaType.APPLICATION_JSON)
public class DagRunBatchResource {
  /** DAGRunsBatchBody's fields (extra ones are a 422, as its model forbids them). */
  private static final Set<String> FIELDS = Set.of("conf_contains", "dag_ids", "order_by",
      "page_limit", "page_offset", "states",
      "duration_gt", "duration_gte", "duration_lt", "duration_lte",
      "end_date_gt", "end_date_gte", "end_date_lt", "end_date_lte",
      "logical_date_gt", "logical_date_gte", "logical_date_lt", "logical_date_lte",
      "run_after_gt", "run_after_gte", "run_after_lt", "run_after_lte",
      "start_date_gt", "start_date_gte", "start_date_lt", "start_date_lte");

  @Inject DagRunListing listing;
  @Inject ObjectMapper json;

  @POST
  @Consumes(MediaType.WILDCARD)
  public DagRunCollection list(@PathParam("dag_id") String dagId, String body) {
    Params.tilde("dag_id", dagId);
    BatchBody b = BatchBody.parse(body, json, FIELDS, Set.of("dag_ids", "states"));
    return listing.list(Set.copyOf(b.source().values("dag_ids").stream()
            .filter(java.util.Objects::nonNull).toList()), b.source(), b.orderBy(),
        b.pageOffset(), b.pageLimit());
  }
}
