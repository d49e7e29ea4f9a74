package org.emoaudionet.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.emoaudionet.api.AirflowModels.DagRun;
import org.emoaudionet.api.AirflowModels.DagRunCollection;

/**
 * DAG run listings with Airflow's filters and sort keys: {@code GET .../dagRuns} (query
 * parameters) and {@code POST /dags/~/dagRuns/list} (DAGRunsBatchBody), applied to the runs
 * Temporal lists.
 */
@ApplicationScoped
public class DagRunListing {
  static final Set<String> RUN_STATES = Set.of("queued", "running", "success", "failed");

  @Inject DagViews dags;
  @Inject RunRepository runs;
  @Inject RunViews views;
  @Inject ObjectMapper json;

  /** The runs of DAG {@code dagId} (404 if there is none), or of every DAG for {@code ~}. */
  DagRunCollection list(String dagId, FilterSource src, List<String> orderBy, int offset,
      int limit) {
    boolean all = dagId.equals("~");
    if (!all) dags.require(dagId);
    return list(all ? Set.of() : Set.of(dagId), src, orderBy, offset, limit);
  }

  /**
   * @param dagIds the DAGs to list, empty for all
   * @param src the query string or the batch body; what it lacks filters nothing
   */
  DagRunCollection list(Set<String> dagIds, FilterSource src, List<String> orderBy, int offset,
      int limit) {
    for (String s : src.values(src.where().equals("body") ? "states" : "state")) {
      if (s != null && !RUN_STATES.contains(s)) {
        throw ApiException.invalid("enum", List.of(src.where(), src.where().equals("body")
            ? "states" : "state"), "Invalid value for state '" + s + "'. Valid values are "
            + RUN_STATES.stream().sorted().toList(), s);
      }
    }
    Comparator<DagRun> order = order(orderBy);
    boolean body = src.where().equals("body");
    ListFilters<DagRun> filters = new ListFilters<>(src);
    if (body) {
      // DAGRunsBatchBody's names; the GET listing has state, run_type and dag_version instead
      filters.anyOf("states", DagRun::state).anyOf("dag_ids", DagRun::dagId);
    } else {
      filters.anyOf("state", DagRun::state)
          .anyOf("run_type", DagRun::runType)
          .anyInt("dag_version", r -> r.dagVersions().isEmpty() ? null
              : r.dagVersions().get(0).versionNumber())
          .equal("bundle_version", DagRun::bundleVersion)
          .dates("partition_date", r -> r.partitionDate() == null ? null
              : LocalDate.ofInstant(r.partitionDate(), ZoneOffset.UTC))
          .patterns("run_id", DagRun::dagRunId)
          .patterns("dag_id", DagRun::dagId)
          .patterns("triggering_user_name", DagRun::triggeringUserName)
          .patterns("partition_key", DagRun::partitionKey, false);
    }
    Predicate<DagRun> keep = filters
        .times("run_after", DagRun::runAfter)
        .times("logical_date", DagRun::logicalDate)
        .times("start_date", DagRun::startDate)
        .times("end_date", DagRun::endDate)
        .times("updated_at", DagRunListing::updatedAt)
        .numbers("duration", DagRun::duration)
        .test(confContains(src))
        .predicate();
    List<DagRun> matched = runs.list().stream()
        .filter(r -> dagIds.isEmpty() || dagIds.contains(r.dagId()))
        .map(views::dagRun)
        .filter(keep)
        .sorted(order)
        .toList();
    return new DagRunCollection(matched.stream().skip(offset).limit(limit).toList(),
        matched.size());
  }

  /** Airflow matches the conf's JSON text: {@code conf_contains=cpu} finds {"preset": "cpu"}. */
  private Predicate<DagRun> confContains(FilterSource src) {
    List<String> v = src.values("conf_contains");
    String wanted = v.isEmpty() ? null : v.get(v.size() - 1);
    if (wanted == null || wanted.isEmpty()) return r -> true;
    return r -> confText(r).contains(wanted);
  }

  private String confText(DagRun r) {
    try {
      return json.writeValueAsString(r.conf());
    } catch (JsonProcessingException e) {
      return String.valueOf(r.conf());
    }
  }

  /** Airflow's updated_at: the last change this API can see. */
  static Instant updatedAt(DagRun r) {
    return r.endDate() != null ? r.endDate() : r.startDate() != null ? r.startDate() : r.queuedAt();
  }

  private static <U extends Comparable<U>> Comparator<DagRun> by(
      java.util.function.Function<DagRun, U> key) {
    return Comparator.comparing(key, Comparator.nullsLast(Comparator.naturalOrder()));
  }

  private final Map<String, Comparator<DagRun>> sortKeys = Map.ofEntries(
      Map.entry("id", by(DagRun::queuedAt)),
      Map.entry("queued_at", by(DagRun::queuedAt)),
      Map.entry("state", by(DagRun::state)),
      Map.entry("dag_id", by(DagRun::dagId)),
      Map.entry("run_id", by(DagRun::dagRunId)),
      Map.entry("dag_run_id", by(DagRun::dagRunId)),
      Map.entry("logical_date", by(DagRun::logicalDate)),
      Map.entry("partition_date", by(DagRun::partitionDate)),
      Map.entry("run_after", by(DagRun::runAfter)),
      Map.entry("start_date", by(DagRun::startDate)),
      Map.entry("end_date", by(DagRun::endDate)),
      Map.entry("updated_at", by(DagRunListing::updatedAt)),
      Map.entry("conf", by(this::confText)),
      Map.entry("duration", by(DagRun::duration)));

  private Comparator<DagRun> order(List<String> orderBy) {
    return OrderBy.of(orderBy, sortKeys, "id").thenComparing(DagRun::dagRunId);
  }
}
