package org.emoaudionet.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Set;

/**
 * Airflow's DAGRunClearBody: bool fields with defaults (null is a 422 there, as pydantic has it)
 * and a nullable note. Only {@code dry_run} (default true) and the note change what happens here:
 * a run clears as a whole and there is one DAG version, so only_failed, only_new and
 * run_on_latest_version are checked and then have nothing to select.
 */
record DagRunClearRequest(boolean dryRun, String note) {
  private static final Set<String> FIELDS = Set.of("dry_run", "note", "only_failed", "only_new",
      "run_on_latest_version");

  static DagRunClearRequest parse(String text, ObjectMapper json) {
    JsonBody b = JsonBody.parse(text, json, FIELDS);
    Boolean dryRun = b.strictBool("dry_run");
    b.strictBool("only_failed");
    b.strictBool("only_new");
    b.strictBool("run_on_latest_version");
    String note = b.string("note", RunAnnotations.NOTE_MAX);
    b.done();
    return new DagRunClearRequest(dryRun == null || dryRun, note);
  }
}
