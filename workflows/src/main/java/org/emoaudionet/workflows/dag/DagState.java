package org.emoaudionet.workflows.dag;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.emoaudionet.workflows.activity.S3Keys;

/**
 * What users changed about a DAG at run time (Airflow keeps it in its database; here it is one
 * JSON object per DAG in S3 at {@link S3Keys#dagState}, so every process and restart sees it):
 * {@code {"is_paused": true, "updated_at": "...", "updated_by": "admin"}}. No object means the
 * DAG file's {@code is_paused_upon_creation}. The API writes it and the worker's data triggers
 * read it: {@link #toJson} and {@link #fromJson} are the one mapping both use.
 */
public record DagState(boolean isPaused, Instant updatedAt, String updatedBy) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The documented shape, whatever a caller's mapper settings: snake_case, ISO-8601 time. */
  public String toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("is_paused", isPaused);
    m.put("updated_at", updatedAt == null ? null : updatedAt.toString());
    m.put("updated_by", updatedBy);
    try {
      return JSON.writeValueAsString(m);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Reads a stored state; {@code source} (its S3 URI) names the object in errors. Only
   * {@code is_paused} is required: a hand-written object may leave out the audit fields.
   *
   * @throws IllegalArgumentException not JSON, {@code is_paused} not a boolean, or a bad time
   */
  public static DagState fromJson(String json, String source) {
    JsonNode n;
    try {
      n = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(source + " is not JSON: " + e.getOriginalMessage(), e);
    }
    JsonNode paused = n == null ? null : n.get("is_paused");
    if (paused == null || !paused.isBoolean()) {
      throw new IllegalArgumentException(source + ": field 'is_paused' must be true or false, found "
          + (paused == null ? "nothing" : paused.toString()));
    }
    String at = n.path("updated_at").isTextual() ? n.get("updated_at").asText() : null;
    String by = n.path("updated_by").isTextual() ? n.get("updated_by").asText() : null;
    try {
      return new DagState(paused.asBoolean(), at == null ? null : Instant.parse(at), by);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(source + ": field 'updated_at' is not an ISO-8601 instant: " + at, e);
    }
  }
}
