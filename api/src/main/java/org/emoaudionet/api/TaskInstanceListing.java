package org.emoaudionet.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import org.emoaudionet.api.AirflowModels.TaskInstance;
import org.emoaudionet.api.AirflowModels.TaskInstanceCollection;

/**
 * Task instance listings with Airflow's filters and sort keys: {@code GET
 * .../dagRuns/{run}/taskInstances} (query parameters, {@code ~} for any DAG or run) and
 * {@code POST /dags/~/dagRuns/~/taskInstances/list} (TaskInstancesBatchBody).
 */
@ApplicationScoped
public class TaskInstanceListing {
  @Inject RunRepository runs;
  @Inject RunViews views;
  @Inject DagRunLookup lookup;

  /** The runs a listing covers: one, or (with {@code ~}) those of any DAG or any run id. */
  List<RunRecord> runs(String dagId, String runId) {
    if (!dagId.equals("~") && !runId.equals("~")) return List.of(lookup.require(dagId, runId));
    List<RunRecord> out = runs.list().stream()
        .filter(r -> dagId.equals("~") || dagId.equals(r.dagId()))
        .filter(r -> runId.equals("~") || runId.equals(r.dagRunId()))
        .toList();
    if (out.isEmpty() && !runId.equals("~")) {
      throw ApiException.notFound("DagRun with run_id: `" + runId + "` was not found");
    }
    return out;
  }

  TaskInstanceCollection list(List<RunRecord> scope, FilterSource src, List<String> orderBy,
      int offset, int limit) {
    Comparator<TaskInstance> order = order(orderBy);
    boolean body = src.where().equals("body");
    ListFilters<TaskInstance> f = new ListFilters<>(src);
    if (body) {
      f.anyOf("dag_ids", TaskInstance::dagId)
          .anyOf("dag_run_ids", TaskInstance::dagRunId)
          .anyOf("task_ids", TaskInstance::taskId);
    } else {
      f.equal("task_id", TaskInstance::taskId)
          .equal("task_group_id", t -> null) // no task groups: a group id matches nothing
          .patterns("task_display_name", TaskInstance::taskDisplayName)
          .patterns("dag_id", TaskInstance::dagId)
          .patterns("run_id", TaskInstance::dagRunId)
          .patterns("pool_name", TaskInstance::pool)
          .patterns("queue_name", TaskInstance::queue)
          .patterns("operator_name", TaskInstance::operatorName)
          .patterns("rendered_map_index", TaskInstance::renderedMapIndex)
          .anyInt("version_number", t -> t.dagVersion() == null ? null : t.dagVersion().versionNumber())
          .anyInt("try_number", TaskInstance::tryNumber)
          .anyInt("map_index", TaskInstance::mapIndex)
          .anyOf("operator", TaskInstance::operator)
          .times("updated_at", TaskInstanceListing::updatedAt);
    }
    Predicate<TaskInstance> keep = f
        .test(states(src))
        .anyOf("pool", TaskInstance::pool)
        .anyOf("queue", TaskInstance::queue)
        .anyOf("executor", TaskInstance::executor)
        .times("run_after", TaskInstance::runAfter)
        .times("logical_date", TaskInstance::logicalDate)
        .times("start_date", TaskInstance::startDate)
        .times("end_date", TaskInstance::endDate)
        .numbers("duration", TaskInstance::duration)
        .predicate();
    List<TaskInstance> all = new ArrayList<>();
    for (RunRecord r : scope) {
      views.taskInstances(views.snapshot(r)).stream().filter(keep).forEach(all::add);
    }
    List<TaskInstance> sorted = all.stream().sorted(order).toList();
    return new TaskInstanceCollection(sorted.stream().skip(offset).limit(limit).toList(),
        sorted.size());
  }

  /** {@code state}: Airflow's states, {@code no_status} (or a body's null) for none yet. */
  private static Predicate<TaskInstance> states(FilterSource src) {
    List<String> wanted = src.values("state");
    for (String s : wanted) {
      if (s != null && !s.equals("no_status") && !RunViews.TASK_STATES.contains(s)) {
        throw ApiException.invalid("enum", List.of(src.where(), "state"), "Invalid value for state '"
            + s + "'. Valid values are " + RunViews.TASK_STATES.stream().sorted().toList()
            + " and no_status", s);
      }
    }
    if (wanted.isEmpty()) return t -> true;
    return t -> t.state() == null
        ? wanted.contains(null) || wanted.contains("no_status")
        : wanted.contains(t.state());
  }

  static Instant updatedAt(TaskInstance t) {
    return t.endDate() != null ? t.endDate() : t.startDate() != null ? t.startDate() : t.queuedWhen();
  }

  private static <U extends Comparable<U>> Comparator<TaskInstance> by(Function<TaskInstance, U> key) {
    return Comparator.comparing(key, Comparator.nullsLast(Comparator.naturalOrder()));
  }

  /** Airflow's sort keys of the GET listing (the batch body allows a subset of them). */
  private static final Map<String, Comparator<TaskInstance>> SORT_KEYS = Map.ofEntries(
      Map.entry("id", by(t -> t.id().toString())),
      Map.entry("state", by(TaskInstance::state)),
      Map.entry("duration", by(TaskInstance::duration)),
      Map.entry("start_date", by(TaskInstance::startDate)),
      Map.entry("end_date", by(TaskInstance::endDate)),
      Map.entry("map_index", by(TaskInstance::mapIndex)),
      Map.entry("try_number", by(TaskInstance::tryNumber)),
      Map.entry("logical_date", by(TaskInstance::logicalDate)),
      Map.entry("run_after", by(TaskInstance::runAfter)),
      Map.entry("data_interval_start", by(t -> (Instant) null)),
      Map.entry("data_interval_end", by(t -> (Instant) null)),
      Map.entry("rendered_map_index", by(TaskInstance::renderedMapIndex)));

  private static Comparator<TaskInstance> order(List<String> orderBy) {
    // ties (every task has map_index -1) keep the DAG's order, run by run (a stable sort)
    return OrderBy.of(orderBy, SORT_KEYS, "map_index");
  }

  static final Set<String> BATCH_SORT_KEYS = Set.of("id", "state", "duration", "start_date",
      "end_date", "map_index");
}
