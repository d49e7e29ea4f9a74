package org.emoaudionet.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Set;

/**
 * Airflow's DAGPatchBody ({@code {"is_paused": bool}}) with its {@code update_mask}: pausing is
 * all a client may change about a DAG here, so a mask naming anything else is a 400.
 */
record DagPatchRequest(boolean paused) {
  static DagPatchRequest parse(String text, List<String> mask, ObjectMapper json) {
    JsonBody b = JsonBody.parse(text, json, Set.of("is_paused"));
    // DAGPatchBody.is_paused is a plain bool: null is a 422 here, never an unboxing NPE (500).
    Boolean paused = b.requiredBool("is_paused");
    b.done();
    if (mask != null && !mask.isEmpty() && !mask.equals(List.of("is_paused"))) {
      throw ApiException.badRequest("Only `is_paused` field can be updated through the REST API;"
          + " update_mask was " + mask);
    }
    return new DagPatchRequest(paused);
  }

  /** A bulk patch names its DAGs: by pattern ({@code ~} for all) or by prefix. */
  static void requireTarget(String idPattern, String idPrefix) {
    if ((idPattern == null || idPattern.isEmpty()) && (idPrefix == null || idPrefix.isEmpty())) {
      throw ApiException.invalid("missing", List.of("query", "dag_id_pattern"),
          "Field required: name the DAGs to update (dag_id_pattern, '~' for all, or"
              + " dag_id_prefix_pattern)", null);
    }
  }
}
