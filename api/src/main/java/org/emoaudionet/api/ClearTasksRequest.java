package org.emoaudionet.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Airflow's ClearTaskInstancesBody, checked as its pydantic model checks it (unknown keys, wrong
 * types and null where a default applies are a 422 naming the field), with its defaults:
 * {@code dry_run} and {@code only_failed} true, {@code reset_dag_runs} true, the rest false.
 *
 * @param taskIds null for every task; map index -1 unless a {@code [task_id, map_index]} pair
 *     said otherwise (this DAG has no mapped tasks, so such a pair selects nothing)
 */
record ClearTasksRequest(String dagRunId, List<String> taskIds, boolean dryRun,
    boolean onlyFailed, boolean onlyRunning, boolean includeUpstream, boolean includeDownstream,
    boolean includeFuture, boolean includePast, boolean resetDagRuns, boolean preventRunningTask,
    Instant startDate, Instant endDate, String note) {

  private static final Set<String> FIELDS = Set.of("dag_run_id", "dry_run", "end_date",
      "include_downstream", "include_future", "include_past", "include_upstream", "note",
      "only_failed", "only_running", "prevent_running_task", "reset_dag_runs",
      "run_on_latest_version", "start_date", "task_ids");

  static ClearTasksRequest parse(String text, ObjectMapper json) {
    JsonBody b = JsonBody.parse(text, json, FIELDS);
    String runId = b.string("dag_run_id");
    boolean dryRun = orDefault(b.strictBool("dry_run"), true);
    boolean onlyFailed = orDefault(b.strictBool("only_failed"), true);
    boolean onlyRunning = orDefault(b.strictBool("only_running"), false);
    boolean upstream = orDefault(b.strictBool("include_upstream"), false);
    boolean downstream = orDefault(b.strictBool("include_downstream"), false);
    boolean future = orDefault(b.strictBool("include_future"), false);
    boolean past = orDefault(b.strictBool("include_past"), false);
    boolean reset = orDefault(b.strictBool("reset_dag_runs"), true);
    boolean preventRunning = orDefault(b.strictBool("prevent_running_task"), false);
    // one DAG version only (the DAG file as it is now): latest or not runs the same tasks
    b.bool("run_on_latest_version");
    Instant start = b.time("start_date");
    Instant end = b.time("end_date");
    String note = b.string("note", RunAnnotations.NOTE_MAX);
    List<String> taskIds = taskIds(text, json, b);
    b.done();
    return new ClearTasksRequest(runId, taskIds, dryRun, onlyFailed, onlyRunning, upstream,
        downstream, future, past, reset, preventRunning, start, end, note);
  }

  /** Strings, or {@code [task_id, map_index]} pairs; a pair with map index other than -1 is kept as "id[n]". */
  private static List<String> taskIds(String text, ObjectMapper json, JsonBody b) {
    JsonNode node;
    try {
      node = json.readTree(text == null || text.isBlank() ? "{}" : text).get("task_ids");
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return null; // JsonBody.parse has answered malformed JSON already
    }
    if (node == null || node.isNull()) return null;
    if (!node.isArray()) {
      b.error("list_type", "task_ids", "Input should be a valid list", node.toString());
      return null;
    }
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      JsonNode t = node.get(i);
      if (t.isTextual()) {
        ids.add(t.asText());
      } else if (t.isArray() && t.size() == 2 && t.get(0).isTextual() && t.get(1).isIntegralNumber()) {
        ids.add(t.get(1).asInt() == -1 ? t.get(0).asText() : t.get(0).asText() + "[" + t.get(1).asInt() + "]");
      } else {
        b.error(ApiException.item("string_type", List.of("body", "task_ids", i),
            "Input should be a valid string or a [task_id, map_index] pair", json.convertValue(t, Object.class)));
      }
    }
    return ids;
  }

  private static boolean orDefault(Boolean v, boolean dflt) {
    return v == null ? dflt : v;
  }
}
