package org.emoaudionet.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.MediaType;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.emoaudionet.spec.FieldReader;
import org.emoaudionet.spec.FieldReader.Need;

/**
 * Airflow's LoginBody, from JSON or from a URL-encoded form: a username and a password, both
 * plain strings (other keys are ignored, as the simple auth manager ignores them).
 */
record LoginRequest(String username, String password) {
  private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {};

  static LoginRequest parse(String contentType, String body, ObjectMapper json) {
    Map<String, String> fields = contentType != null
        && contentType.toLowerCase(Locale.ROOT).startsWith(MediaType.APPLICATION_FORM_URLENCODED)
        ? form(body) : jsonBody(body, json);
    List<Map<String, Object>> missing = new ArrayList<>();
    for (String k : List.of("username", "password")) {
      if (fields.get(k) == null) {
        missing.add(ApiException.item("missing", List.of("body", k), "Field required", null));
      }
    }
    if (!missing.isEmpty()) throw ApiException.invalid(missing);
    return new LoginRequest(fields.get("username"), fields.get("password"));
  }

  private static Map<String, String> jsonBody(String body, ObjectMapper json) {
    JsonNode node;
    try {
      node = json.readTree(body == null || body.isBlank() ? "{}" : body);
    } catch (JsonProcessingException e) {
      throw ApiException.invalid("json_invalid", List.of("body"), "JSON decode error: "
          + e.getOriginalMessage(), body);
    }
    if (!node.isObject()) {
      throw ApiException.invalid("model_attributes_type", List.of("body"),
          "Input should be a valid dictionary or object", body);
    }
    // LoginBody's fields are plain str: null is a wrong type, as a number is
    FieldReader r = new FieldReader(json.convertValue(node, MAP), p -> {
      throw ApiException.invalid("string_type", List.of("body", p.field()),
          "Input should be a valid string", p.input());
    });
    Map<String, String> out = new HashMap<>();
    for (String k : List.of("username", "password")) {
      String v = r.string(k, Need.NOT_NULL);
      if (v != null) out.put(k, v);
    }
    return out;
  }

  private static Map<String, String> form(String body) {
    Map<String, String> out = new HashMap<>();
    if (body == null) return out;
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      if (eq <= 0) continue;
      try {
        out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      } catch (IllegalArgumentException badEscape) { // "%zz": the client's mistake, not a 500
        throw ApiException.invalid("value_error", List.of("body"),
            "Value error, the form body is not URL-encoded: " + badEscape.getMessage(), null);
      }
    }
    return out;
  }
}
