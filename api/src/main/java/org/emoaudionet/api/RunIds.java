package org.emoaudionet.api;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.emoaudionet.workflows.pipeline.PipelineRequest;

/** Which {@code dag_run_id}s a trigger may choose, as Airflow decides, plus what URLs need. */
final class RunIds {
  private RunIds() {}

  /** Airflow's default {@code [scheduler] allowed_run_id_pattern} (no backtracking: a class+). */
  static final Pattern ALLOWED = Pattern.compile("^[A-Za-z0-9_.~:+-]+$");
  /** Airflow's {@code ID_LEN}: the run_id column is a VARCHAR(250). */
  static final int MAX_LENGTH = 250;
  /** Temporal's default limit on a workflow id ({@code <dag_id>/<dag_run_id>}). */
  static final int MAX_WORKFLOW_ID = 1000;

  /** The 422 item for an id a trigger may not use, or null when it may. */
  static Map<String, Object> problem(String runId) {
    List<Object> loc = List.of("body", "dag_run_id");
    if (runId.length() > MAX_LENGTH) {
      return ApiException.item("string_too_long", loc,
          "String should have at most " + MAX_LENGTH + " characters", runId);
    }
    if (!ALLOWED.matcher(runId).matches()) {
      return ApiException.item("string_pattern_mismatch", loc, "dag_run_id '" + runId
          + "' must match " + ALLOWED.pattern(), runId);
    }
    // '.', '..' (and so on) are path segments that URL normalisation removes: such a run could
    // be started but never addressed again as /dagRuns/{dag_run_id}.
    if (runId.chars().allMatch(c -> c == '.')) {
      return ApiException.item("value_error", loc,
          "Value error, dag_run_id '" + runId + "' cannot be only dots: no URL could name it", runId);
    }
    return null;
  }

  /**
   * Whether a looked-up id could name a run at all. Longer ones are answered 404 here, not sent
   * to Temporal, which would refuse the workflow id (a 503 to the caller).
   */
  static boolean addressable(String dagId, String runId) {
    return PipelineRequest.workflowId(dagId, runId).length() <= MAX_WORKFLOW_ID;
  }
}
