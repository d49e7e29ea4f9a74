package org.emoaudionet.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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
 * The XComs of one task, run or DAG ({@code ~} for any), filtered, ordered and paged as Airflow
 * does; and one XCom by its key.
 */
@ApplicationScoped
public class XComListing {
  @Inject XComViews xcoms;
  @Inject TaskInstanceListing scope;
  @Inject DagViews dags;

  XComCollection list(String dagId, String runId, String taskId, XComQuery q) {
    Comparator<Row> order = OrderBy.of(q.orderBy(), SORT_KEYS, "dag_id", "task_id", "run_id",
        "map_index", "key");
    Predicate<Row> keep = new ListFilters<Row>(q.filters())
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
        .filter(r -> q.mapIndex() == null || q.mapIndex() == -1)
        .filter(r -> q.mapIndexFilter() == null || q.mapIndexFilter() == -1)
        .filter(r -> q.key() == null || q.key().equals(r.key()))
        .filter(keep)
        .sorted(order)
        .toList();
    return new XComCollection(matched.stream().skip(q.offset()).limit(q.limit())
        .map(XComListing::entry).toList(), matched.size());
  }

  /**
   * One XCom: its value as plain JSON, or with {@code asString} Python's {@code str()} of it, as
   * Airflow's XComResponseString does.
   */
  Object get(String dagId, String runId, String taskId, String key, int mapIndex,
      boolean asString) {
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
}
