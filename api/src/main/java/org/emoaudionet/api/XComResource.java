package org.emoaudionet.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import org.emoaudionet.api.AirflowModels.XComCollection;
import org.emoaudionet.api.AirflowModels.XComEntry;
import org.emoaudionet.api.AirflowModels.XComNative;
import org.emoaudionet.api.AirflowModels.XComString;
import org.emoaudionet.api.XComViews.Row;

/**
 * Read-only XComs: each task's result under Airflow's key {@code return_value} (see
 * {@link XComViews}). Writing them (POST, PATCH, DELETE) is not served: results are what the
 * activities returned, and the workflow history they come from cannot be edited.
 */
@Path("/api/v2/dags/{dag_id}/dagRuns/{dag_run_id}/taskInstances/{task_id}/xcomEntries")
@Produces(MediaType.APPLICATION_JSON)
public class XComResource {
  @Inject XComViews xcoms;
  @Inject TaskInstanceListing scope;
  @Inject DagViews dags;

  /** Also {@code ~} for any DAG, run or task, as Airflow allows. */
  @GET
  public XComCollection list(@PathParam("dag_id") String dagId,
      @PathParam("dag_run_id") String runId, @PathParam("task_id") String taskId,
      @Context UriInfo uri) {
    MultivaluedMap<String, String> q = uri.getQueryParameters();
    int lim = Params.limit(q.getFirst("limit"));
    int off = Params.offset(q.getFirst("offset"));
    Integer mapIndex = mapIndex(q.getFirst("map_index"), null);
    Integer mapIndexFilter = q.getFirst("map_index_filter") == null ? null
        : integer("map_index_filter", q.getFirst("map_index_filter"));
    String key = q.getFirst("xcom_key");
    Comparator<Row> order = order(q.getOrDefault("order_by", List.of()));
    Predicate<Row> keep = new ListFilters<Row>(FilterSource.query(q))
        .patterns("xcom_key", Row::key)
        .patterns("dag_display_name", r -> r.run().dagDisplayName())
        .patterns("run_id", r -> r.run().dagRunId())
        .patterns("task_id", Row::taskId)
        .times("logical_date", r -> r.run().logicalDate())
        .times("run_after", r -> r.run().runAfter())
        .predicate();
    if (!dagId.equals("~")) dags.require(dagId);
    List<Row> rows = new ArrayList<>();
    for (RunRecord run : scope.runs(dagId, runId)) rows.addAll(xcoms.rows(run));
    List<Row> matched = rows.stream()
        .filter(r -> taskId.equals("~") || taskId.equals(r.taskId()))
        // every result here is a single, unmapped task's: map index -1
        .filter(r -> mapIndex == null || mapIndex == -1)
        .filter(r -> mapIndexFilter == null || mapIndexFilter == -1)
        .filter(r -> key == null || key.equals(r.key()))
        .filter(keep)
        .sorted(order)
        .toList();
    return new XComCollection(matched.stream().skip(off).limit(lim).map(XComResource::entry)
        .toList(), matched.size());
  }

  /**
   * One XCom. {@code deserialize} makes no difference here: every value is plain JSON, which
   * Airflow's serde deserialisation gives back unchanged; {@code stringify} answers Python's
   * {@code str()} of it, as Airflow's XComResponseString does.
   */
  @GET
  @Path("/{xcom_key}")
  public Object get(@PathParam("dag_id") String dagId, @PathParam("dag_run_id") String runId,
      @PathParam("task_id") String taskId, @PathParam("xcom_key") String key,
      @QueryParam("map_index") String mapIndexRaw, @QueryParam("deserialize") String deserialize,
      @QueryParam("stringify") String stringify) {
    int mapIndex = mapIndex(mapIndexRaw, -1);
    Params.bool("deserialize", deserialize);
    boolean asString = Boolean.TRUE.equals(Params.bool("stringify", stringify));
    RunRecord run = scope.runs(dagId, runId).stream().findFirst().orElse(null);
    Row row = mapIndex != -1 || run == null ? null : xcoms.rows(run).stream()
        .filter(r -> r.taskId().equals(taskId) && r.key().equals(key)).findFirst().orElse(null);
    if (row == null) {
      throw ApiException.notFound("XCom entry with key: `" + key + "` not found");
    }
    XComEntry e = entry(row);
    return asString
        ? new XComString(e.dagDisplayName(), e.dagId(), e.key(), e.logicalDate(), e.mapIndex(),
            e.runAfter(), e.runId(), e.taskDisplayName(), e.taskId(), e.timestamp(),
            PythonStr.of(row.value()))
        : new XComNative(e.dagDisplayName(), e.dagId(), e.key(), e.logicalDate(), e.mapIndex(),
            e.runAfter(), e.runId(), e.taskDisplayName(), e.taskId(), e.timestamp(), row.value());
  }

  private static XComEntry entry(Row r) {
    return new XComEntry(r.run().dagDisplayName(), r.run().dagId(), r.key(),
        r.run().logicalDate(), -1, r.run().runAfter(), r.run().dagRunId(), r.taskId(),
        r.taskId(), r.timestamp());
  }

  /** {@code map_index}: an integer of at least -1 (FastAPI's {@code ge=-1}). */
  private static Integer mapIndex(String raw, Integer dflt) {
    if (raw == null || raw.isEmpty()) return dflt;
    int v = integer("map_index", raw);
    if (v < -1) {
      throw ApiException.invalid("greater_than_equal", List.of("query", "map_index"),
          "Input should be greater than or equal to -1", raw);
    }
    return v;
  }

  private static int integer(String name, String raw) {
    try {
      return new BigInteger(raw.strip()).intValueExact();
    } catch (ArithmeticException | NumberFormatException e) {
      throw ApiException.invalid("int_parsing", List.of("query", name),
          "Input should be a valid integer, unable to parse string as an integer", raw);
    }
  }

  private static <U extends Comparable<U>> Comparator<Row> by(Function<Row, U> key) {
    return Comparator.comparing(key, Comparator.nullsLast(Comparator.naturalOrder()));
  }

  private static final Map<String, Comparator<Row>> SORT_KEYS = Map.of(
      "dag_id", by(r -> r.run().dagId()),
      "task_id", by(Row::taskId),
      "run_id", by(r -> r.run().dagRunId()),
      "map_index", by(r -> -1),
      "key", by(Row::key),
      "timestamp", by(Row::timestamp),
      "run_after", by(r -> r.run().runAfter()));

  private static Comparator<Row> order(List<String> orderBy) {
    return OrderBy.of(orderBy, SORT_KEYS, "dag_id", "task_id", "run_id", "map_index", "key");
  }
}
