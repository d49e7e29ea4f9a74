package org.emoaudionet.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.emoaudionet.api.AirflowModels.LogMessage;
import org.emoaudionet.api.AirflowModels.TaskInstancesLog;

/**
 * A log answered as the client asked: Airflow's {@code TaskInstancesLogResponse} as JSON, or one
 * {@code {"event": ...}} object per line when only {@code application/x-ndjson} is accepted.
 */
final class TaskLogBody {
  static final String NDJSON = "application/x-ndjson";

  private TaskLogBody() {}

  static Response of(List<LogMessage> lines, String accept, ObjectMapper json) {
    boolean ndjson = accept != null && accept.contains(NDJSON)
        && !accept.contains(MediaType.APPLICATION_JSON);
    if (!ndjson) {
      return Response.ok(new TaskInstancesLog(lines, null), MediaType.APPLICATION_JSON).build();
    }
    StringBuilder sb = new StringBuilder();
    for (LogMessage m : lines) {
      try {
        sb.append(json.writeValueAsString(Map.of("event", m.event()))).append('\n');
      } catch (JsonProcessingException e) {
        throw new IllegalStateException(e); // a map of one string always writes
      }
    }
    return Response.ok(sb.toString(), NDJSON).build();
  }
}
