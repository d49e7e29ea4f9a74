package org.emoaudionet.api;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A request body checked the way pydantic checks Airflow's strict models: unknown keys, wrong
 * types and missing required keys are collected and answered together as one 422.
 */
final class JsonBody {
  private final ObjectNode node;
  private final ObjectMapper json;
  private final List<Map<String, Object>> errors = new ArrayList<>();

  private JsonBody(ObjectNode node, ObjectMapper json) {
    this.node = node;
    this.json = json;
  }

  static JsonBody parse(String text, ObjectMapper json, Set<String> allowed) {
    JsonNode n;
    try {
      n = json.readTree(text == null || text.isBlank() ? "{}" : text);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw ApiException.invalid("json_invalid", List.of("body", 0),
          "JSON decode error: " + e.getOriginalMessage(), text);
    }
    if (n == null || !n.isObject()) {
      throw ApiException.invalid("model_attributes_type", List.of("body"),
          "Input should be a valid dictionary or object to extract fields from", text);
    }
    JsonBody b = new JsonBody((ObjectNode) n, json);
    n.fieldNames().forEachRemaining(k -> {
      if (!allowed.contains(k)) {
        b.errors.add(ApiException.item("extra_forbidden", List.of("body", k),
            "Extra inputs are not permitted", b.plain(n.get(k))));
      }
    });
    return b;
  }

  boolean has(String key) {
    return node.has(key);
  }

  void require(String key) {
    if (!node.has(key)) {
      errors.add(ApiException.item("missing", List.of("body", key), "Field required", plain(node)));
    }
  }

  String string(String key) {
    JsonNode v = node.get(key);
    if (v == null || v.isNull()) return null;
    if (!v.isTextual()) {
      errors.add(ApiException.item("string_type", List.of("body", key),
          "Input should be a valid string", plain(v)));
      return null;
    }
    return v.asText();
  }

  /** A nullable string of at most {@code maxChars} characters (pydantic's max_length). */
  String string(String key, int maxChars) {
    String s = string(key);
    if (s != null && s.length() > maxChars) {
      errors.add(ApiException.item("string_too_long", List.of("body", key),
          "String should have at most " + maxChars + " characters", s));
      return null;
    }
    return s;
  }

  /** A nullable boolean ({@code bool | None}): absent and null are both null. */
  Boolean bool(String key) {
    JsonNode v = node.get(key);
    if (v == null || v.isNull()) return null;
    return checkedBool(key, v);
  }

  /**
   * A boolean that may be left out but not sent as null ({@code bool = default}): pydantic
   * refuses null there, and a null must not reach code that unboxes it.
   */
  Boolean strictBool(String key) {
    JsonNode v = node.get(key);
    return v == null ? null : checkedBool(key, v);
  }

  /** A boolean that must be sent and not null ({@code bool}, no default). */
  Boolean requiredBool(String key) {
    require(key);
    return strictBool(key);
  }

  private Boolean checkedBool(String key, JsonNode v) {
    if (!v.isBoolean()) {
      errors.add(ApiException.item("bool_type", List.of("body", key),
          "Input should be a valid boolean", plain(v)));
      return null;
    }
    return v.asBoolean();
  }

  Instant time(String key) {
    String s = string(key);
    if (s == null) return null;
    try {
      return Params.time(List.of("body", key), s);
    } catch (ApiException e) {
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> items = (List<Map<String, Object>>) e.detail();
      errors.addAll(items);
      return null;
    }
  }

  Map<String, Object> object(String key) {
    JsonNode v = node.get(key);
    if (v == null || v.isNull()) return null;
    if (!v.isObject()) {
      errors.add(ApiException.item("dict_type", List.of("body", key),
          "Input should be a valid dictionary", plain(v)));
      return null;
    }
    return json.convertValue(v, new TypeReference<Map<String, Object>>() {});
  }

  /**
   * A nullable object whose JSON is at most {@code maxBytes} bytes (UTF-8), so that an oversized
   * one is refused here, naming the field, and not by Temporal later.
   */
  Map<String, Object> object(String key, long maxBytes, String limitName) {
    JsonNode v = node.get(key);
    if (v != null && v.isObject()) {
      long size;
      try {
        size = json.writeValueAsBytes(v).length;
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new IllegalStateException(e); // a tree Jackson has just parsed writes back
      }
      if (size > maxBytes) {
        errors.add(ApiException.item("value_error", List.of("body", key), "Value error, " + key
            + " is " + size + " bytes as JSON, over " + limitName + " = " + maxBytes + " bytes",
            null));
        return null;
      }
    }
    return object(key);
  }

  /**
   * An integer ({@code int}, pydantic's lax mode: a JSON integer or a string of digits); null
   * when absent, null or wrong (the wrong ones are collected).
   */
  Integer integer(String key) {
    JsonNode v = node.get(key);
    if (v == null || v.isNull()) return null;
    if (v.isIntegralNumber() && v.canConvertToInt()) return v.asInt();
    if (v.isTextual() && v.asText().strip().matches("[+-]?\\d{1,9}")) {
      return Integer.parseInt(v.asText().strip());
    }
    errors.add(ApiException.item("int_parsing", List.of("body", key),
        "Input should be a valid integer", plain(v)));
    return null;
  }

  /** A required, non-null integer ({@code int} without default): absent or null is a 422. */
  Integer requiredInt(String key) {
    require(key);
    JsonNode v = node.get(key);
    if (v != null && v.isNull()) {
      errors.add(ApiException.item("int_type", List.of("body", key), "Input should be a valid integer", null));
      return null;
    }
    return integer(key);
  }

  /** A required, non-null string of at most {@code maxChars} characters. */
  String requiredString(String key, int maxChars) {
    require(key);
    JsonNode v = node.get(key);
    if (v != null && v.isNull()) {
      errors.add(ApiException.item("string_type", List.of("body", key), "Input should be a valid string", null));
      return null;
    }
    return string(key, maxChars);
  }

  void error(String type, String key, String msg, Object input) {
    errors.add(ApiException.item(type, List.of("body", key), msg, input));
  }

  void error(Map<String, Object> item) {
    errors.add(item);
  }

  /** Throws the collected errors, if any. */
  void done() {
    if (!errors.isEmpty()) throw ApiException.invalid(errors);
  }

  private Object plain(JsonNode v) {
    return json.convertValue(v, Object.class);
  }
}
