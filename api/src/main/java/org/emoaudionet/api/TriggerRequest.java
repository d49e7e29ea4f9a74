package org.emoaudionet.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * Airflow's TriggerDAGRunPostBody, checked as its pydantic model checks it: unknown keys, a
 * missing {@code logical_date} (it may be null, not absent), a dag_run_id that is no run id and
 * half a data interval are each a 422 naming the field, all of them in one answer.
 */
record TriggerRequest(String dagRunId, Instant logicalDate, Instant runAfter,
    Instant dataIntervalStart, Instant dataIntervalEnd, Map<String, Object> conf, String note,
    String partitionKey) {

  private static final Set<String> FIELDS = Set.of("conf", "dag_run_id", "data_interval_end",
      "data_interval_start", "logical_date", "note", "partition_key", "run_after");

  static TriggerRequest parse(String text, ObjectMapper json, ApiSettings settings) {
    JsonBody b = JsonBody.parse(text, json, FIELDS);
    b.require("logical_date");
    String runId = b.string("dag_run_id");
    Map<String, Object> badId = runId == null ? null : RunIds.problem(runId);
    if (badId != null) b.error(badId);
    TriggerRequest t = new TriggerRequest(runId, b.time("logical_date"), b.time("run_after"),
        b.time("data_interval_start"), b.time("data_interval_end"),
        b.object("conf", settings.maxConfBytes(), ApiSettings.MAX_CONF_BYTES),
        b.string("note", RunAnnotations.NOTE_MAX),
        // Bounded as ids are: it is stored in the memo and shown, never parsed.
        b.string("partition_key", RunIds.MAX_LENGTH));
    if ((t.dataIntervalStart() == null) != (t.dataIntervalEnd() == null)) {
      b.error("value_error", "data_interval_start",
          "Value error, Either both data_interval_start and data_interval_end must be provided or both must be None", null);
    }
    b.done();
    return t;
  }
}
