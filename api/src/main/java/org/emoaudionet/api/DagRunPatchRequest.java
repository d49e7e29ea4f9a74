package org.emoaudionet.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Set;

/**
 * Airflow's DAGRunPatchBody with the {@code update_mask} query parameter: a new state (one a
 * client may set: queued, success or failed) and a note, each applied only where the mask (empty:
 * everything) names it. A note sent as null clears it, so "sent" is kept apart from its value.
 *
 * @param state null when not sent
 * @param noteSent whether the body had a {@code note} key, null or not
 */
record DagRunPatchRequest(String state, String note, boolean noteSent, List<String> mask) {
  private static final Set<String> STATES = Set.of("queued", "success", "failed");

  static DagRunPatchRequest parse(String text, List<String> mask, ObjectMapper json) {
    JsonBody b = JsonBody.parse(text, json, Set.of("state", "note"));
    String state = b.string("state");
    String note = b.string("note", RunAnnotations.NOTE_MAX);
    if (state != null && !STATES.contains(state)) {
      b.error("enum", "state", "Input should be 'queued', 'success' or 'failed'", state);
    }
    b.done();
    return new DagRunPatchRequest(state, note, b.has("note"), List.copyOf(mask));
  }

  boolean setsNote() {
    return (mask.isEmpty() || mask.contains("note")) && noteSent;
  }

  boolean setsState() {
    return (mask.isEmpty() || mask.contains("state")) && state != null;
  }
}
