package org.emoaudionet.api;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.emoaudionet.spec.FieldProblem;
import org.emoaudionet.spec.FieldReader;
import org.emoaudionet.spec.FieldReader.Need;

/**
 * A request body checked the way pydantic checks Airflow's strict models: unknown keys, wrong
 * types and missing required keys are collected and answered together as one 422.
 */
final class JsonBody {
  private final Map<String, Object> body;
  private final ObjectMapper json;
  private final List<Map<String, Object>> errors = new ArrayList<>();
  private final FieldReader fields;

  private JsonBody(Map<String, Object> body, ObjectMapper json) {
    this.body = body;
    this.json = json;
    this.fields = new FieldReader(body, p -> errors.add(item(p)));
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
    JsonBody b = new JsonBody(json.convertValue(n, MAP), json);
    b.fields.refuseUnknownKeys(allowed);
    return b;
  }

  private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {};

  boolean has(String key) {
    return fields.has(key);
  }

  void require(String key) {
    fields.require(key);
  }

  String string(String key) {
    return fields.string(key, Need.OPTIONAL);
  }

  /** A nullable string of at most {@code maxChars} characters (pydantic's max_length). */
  String string(String key, int maxChars) {
    return fields.string(key, Need.OPTIONAL, maxChars);
  }

  /** A nullable boolean ({@code bool | None}): absent and null are both null. */
  Boolean bool(String key) {
    return fields.bool(key, Need.OPTIONAL);
  }

  /**
   * A boolean that may be left out but not sent as null ({@code bool = default}): pydantic
   * refuses null there, and a null must not reach code that unboxes it.
   */
  Boolean strictBool(String key) {
    return fields.bool(key, Need.NOT_NULL);
  }

  /** A boolean that must be sent and not null ({@code bool}, no default). */
  Boolean requiredBool(String key) {
    return fields.bool(key, Need.REQUIRED_NOT_NULL);
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
    return fields.object(key, Need.OPTIONAL);
  }

  /**
   * A nullable object whose JSON is at most {@code maxBytes} bytes (UTF-8), so that an oversized
   * one is refused here, naming the field, and not by Temporal later.
   */
  Map<String, Object> object(String key, long maxBytes, String limitName) {
    Object v = body.get(key);
    if (v instanceof Map<?, ?>) {
      long size;
      try {
        size = json.writeValueAsBytes(v).length;
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new IllegalStateException(e); // a value Jackson has just parsed writes back
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
    return narrow(fields.integer(key, Need.OPTIONAL, Integer.MIN_VALUE, Integer.MAX_VALUE, true));
  }

  /** A required, non-null integer ({@code int} without default): absent or null is a 422. */
  Integer requiredInt(String key) {
    return narrow(fields.integer(key, Need.REQUIRED_NOT_NULL, Integer.MIN_VALUE,
        Integer.MAX_VALUE, true));
  }

  private static Integer narrow(Long v) {
    return v == null ? null : v.intValue();
  }

  /** A required, non-null string of at most {@code maxChars} characters. */
  String requiredString(String key, int maxChars) {
    return fields.string(key, Need.REQUIRED_NOT_NULL, maxChars);
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

  /** A problem in pydantic's words, as Airflow's FastAPI answers it. */
  private Map<String, Object> item(FieldProblem p) {
    // a body's fields are all at its top: the key is the field, dots and all
    List<Object> loc = List.of("body", p.field());
    return switch (p.kind()) {
      case UNKNOWN_KEY -> ApiException.item("extra_forbidden", loc, "Extra inputs are not permitted",
          p.input());
      case MISSING -> ApiException.item("missing", loc, "Field required", body);
      case TOO_LONG -> ApiException.item("string_too_long", loc, "String should have at most "
          + p.max() + " characters", p.input());
      case NULL -> switch (p.expected()) {
        case INTEGER -> ApiException.item("int_type", loc, "Input should be a valid integer", null);
        default -> wrongType(p, loc);
      };
      default -> wrongType(p, loc);
    };
  }

  private static Map<String, Object> wrongType(FieldProblem p, List<Object> loc) {
    return switch (p.expected()) {
      case INTEGER -> ApiException.item("int_parsing", loc, "Input should be a valid integer",
          p.input());
      case BOOLEAN -> ApiException.item("bool_type", loc, "Input should be a valid boolean",
          p.input());
      case OBJECT -> ApiException.item("dict_type", loc, "Input should be a valid dictionary",
          p.input());
      case STRING_LIST -> ApiException.item("list_type", loc, "Input should be a valid list",
          p.input());
      default -> ApiException.item("string_type", loc, "Input should be a valid string",
          p.input());
    };
  }
}
