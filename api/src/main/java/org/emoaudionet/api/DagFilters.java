package org.emoaudionet.api;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.emoaudionet.api.AirflowModels.DagRun;
import org.emoaudionet.workflows.dag.DagDefinition;

/**
 * The filters of {@code GET /api/v2/dags} beyond id, name, tags and paused, applied as Airflow
 * applies them. The DAG-run ones ({@code last_dag_run_state}, {@code dag_run_state},
 * {@code dag_run_start_date_*}, {@code dag_run_end_date_*}) look at each DAG's latest run (by
 * run_after), as Airflow's latest-run join does; the runs are listed only when one is given.
 * What this platform never has answers as Airflow would with none: no DAG has import errors, is
 * stale, is a favourite or has a bundle version.
 */
record DagFilters(List<String> owners, String idPrefix, String namePrefix,
    Boolean hasImportErrors, String lastRunState, String bundleName, String bundleVersion,
    Boolean hasAssetSchedule, LikePattern assetDependency, Instant startGte, Instant startGt,
    Instant startLte, Instant startLt, Instant endGte, Instant endGt, Instant endLte,
    Instant endLt, List<String> runStates, Boolean isFavorite, List<String> timetableTypes) {

  static final Set<String> RUN_STATES = Set.of("queued", "running", "success", "failed");

  /** Checks the values (422 naming the parameter) and builds the filters. */
  static DagFilters parse(Map<String, String> q, List<String> owners, List<String> runStates,
      List<String> timetableTypes) {
    Params.bool("exclude_stale", q.get("exclude_stale")); // nothing is stale: checked only
    String last = q.get("last_dag_run_state");
    if (last != null && !last.isEmpty()) state("last_dag_run_state", last);
    if (runStates != null) runStates.forEach(s -> state("dag_run_state", s));
    return new DagFilters(owners, q.get("dag_id_prefix_pattern"),
        q.get("dag_display_name_prefix_pattern"), Params.bool("has_import_errors",
            q.get("has_import_errors")), last == null || last.isEmpty() ? null : last,
        q.get("bundle_name"), q.get("bundle_version"),
        Params.bool("has_asset_schedule", q.get("has_asset_schedule")),
        Params.pattern(q.get("asset_dependency")),
        time(q, "dag_run_start_date_gte"), time(q, "dag_run_start_date_gt"),
        time(q, "dag_run_start_date_lte"), time(q, "dag_run_start_date_lt"),
        time(q, "dag_run_end_date_gte"), time(q, "dag_run_end_date_gt"),
        time(q, "dag_run_end_date_lte"), time(q, "dag_run_end_date_lt"),
        runStates == null ? List.of() : runStates, Params.bool("is_favorite", q.get("is_favorite")),
        timetableTypes == null ? List.of() : timetableTypes);
  }

  private static void state(String name, String value) {
    if (!RUN_STATES.contains(value)) {
      throw ApiException.invalid("enum", List.of("query", name),
          "Input should be 'queued', 'running', 'success' or 'failed'", value);
    }
  }

  private static Instant time(Map<String, String> q, String name) {
    String raw = q.get(name);
    return raw == null || raw.isEmpty() ? null : Params.time(List.of("query", name), raw);
  }

  boolean needsRuns() {
    return lastRunState != null || !runStates.isEmpty() || startGte != null || startGt != null
        || startLte != null || startLt != null || endGte != null || endGt != null
        || endLte != null || endLt != null;
  }

  /** Whether the DAG passes the filters that need no runs. */
  boolean matches(DagDefinition d) {
    String timetable = d.schedule() != null ? "CronTriggerTimetable"
        : d.dataTrigger() != null ? "AssetTriggeredTimetable" : "NullTimetable";
    return (owners == null || owners.isEmpty() || owners.contains(DagViews.OWNER))
        && OrderBy.prefix(idPrefix, d.dagId()) && OrderBy.prefix(namePrefix, d.dagId())
        && (hasImportErrors == null || !hasImportErrors)
        && (bundleName == null || bundleName.isEmpty() || bundleName.equals(DagViews.BUNDLE))
        && (bundleVersion == null || bundleVersion.isEmpty())
        && (hasAssetSchedule == null || hasAssetSchedule == (d.dataTrigger() != null))
        && (assetDependency == null
            || (d.dataTrigger() != null && assetDependency.matches(d.dataTrigger().prefix())))
        && (isFavorite == null || !isFavorite)
        // a class name, plain or with its module (airflow.timetables.trigger.CronTriggerTimetable)
        && (timetableTypes.isEmpty() || timetableTypes.stream()
            .anyMatch(t -> t.substring(t.lastIndexOf('.') + 1).equals(timetable)));
  }

  /** Whether the DAG's latest run (null: none) passes the run filters. */
  boolean matchesLatest(DagRun latest) {
    if (!needsRuns()) return true;
    if (latest == null) return false;
    Instant s = latest.startDate();
    Instant e = latest.endDate();
    return (lastRunState == null || lastRunState.equals(latest.state()))
        && (runStates.isEmpty() || runStates.contains(latest.state()))
        && within(s, startGte, startGt, startLte, startLt)
        && within(e, endGte, endGt, endLte, endLt);
  }

  private static boolean within(Instant t, Instant gte, Instant gt, Instant lte, Instant lt) {
    if (gte == null && gt == null && lte == null && lt == null) return true;
    if (t == null) return false;
    return (gte == null || !t.isBefore(gte)) && (gt == null || t.isAfter(gt))
        && (lte == null || !t.isAfter(lte)) && (lt == null || t.isBefore(lt));
  }

  /** The latest run of each DAG, by run_after. */
  static Map<String, DagRun> latestRuns(RunRepository runs, RunViews views) {
    Map<String, DagRun> out = new HashMap<>();
    Comparator<DagRun> byRunAfter = Comparator.comparing(DagRun::runAfter,
        Comparator.nullsFirst(Comparator.naturalOrder()));
    for (RunRecord r : runs.list()) {
      DagRun run = views.dagRun(r);
      out.merge(r.dagId(), run, (a, b) -> byRunAfter.compare(a, b) >= 0 ? a : b);
    }
    return out;
  }
}
