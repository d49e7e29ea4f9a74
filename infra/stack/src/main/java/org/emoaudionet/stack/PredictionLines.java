package org.emoaudionet.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The serving endpoint's answer as {@code ./emo predict} prints it: a line naming the model
 * version, then one JSON line per file ({@code file, label, probabilities, value, segments}, as
 * the local {@code ./emo predict --model} prints) and one {@code {file, error}} line per bad file.
 */
final class PredictionLines {
  private PredictionLines() {}

  static String format(ApiClient.Answer r) {
    JsonNode b = r.body();
    StringBuilder out = new StringBuilder();
    if (b.has("model")) {
      out.append("# ").append(b.path("model").asText()).append(" version ")
          .append(b.path("version").asText());
      if (b.hasNonNull("alias")) out.append(" (alias ").append(b.path("alias").asText()).append(')');
      out.append(", task ").append(b.path("task").asText()).append('\n');
    }
    for (JsonNode p : b.path("predictions")) {
      ObjectNode line = JsonHttp.JSON.createObjectNode();
      line.set("file", p.path("file"));
      line.set("label", p.path("label"));
      line.set("probabilities", p.path("probabilities"));
      if (p.hasNonNull("value")) line.set("value", p.path("value"));
      line.set("segments", p.path("segments"));
      out.append(line).append('\n');
    }
    JsonNode detail = b.path("detail");
    if (detail.isArray()) {
      for (JsonNode d : detail) {
        ObjectNode line = JsonHttp.JSON.createObjectNode();
        line.set("file", d.path("input"));
        line.put("error", d.path("msg").asText());
        out.append(line).append('\n');
      }
    }
    return out.toString();
  }

  /** For a refused request (401, 404, 413, ...): the reason, for stderr; null otherwise. */
  static String refusal(ApiClient.Answer r) {
    JsonNode detail = r.body().path("detail");
    if (r.ok() || detail.isArray()) return null;
    return "HTTP " + r.status() + ": " + (detail.isMissingNode() ? r.body().toString()
        : detail.asText());
  }
}
