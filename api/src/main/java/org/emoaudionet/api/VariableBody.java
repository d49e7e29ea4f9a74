package org.emoaudionet.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashSet;
import java.util.Set;

/**
 * Airflow's VariableBody, checked: key (at most 250 characters), value (any JSON, stored as its
 * text), description, team_name (refused: there are no teams here).
 *
 * @param fields the keys the body sent (a PATCH without a mask changes what it names)
 */
record VariableBody(String key, String value, String description, Set<String> fields) {
  private static final Set<String> KEYS = Set.of("key", "value", "description", "team_name");

  static VariableBody parse(String body, ObjectMapper json) {
    JsonBody b = JsonBody.parse(body, json, KEYS);
    b.require("value");
    String key = b.requiredString("key", QueryLimits.MAX_CHARS);
    String description = b.string("description");
    String team = b.string("team_name", 50);
    if (team != null) {
      b.error("value_error", "team_name", "Value error, team_name cannot be set when multi_team"
          + " mode is disabled. Please contact your administrator.", team);
    }
    b.done();
    JsonNode tree;
    try {
      tree = json.readTree(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e); // JsonBody parsed it already
    }
    JsonNode v = tree.get("value");
    String value = v.isNull() ? null : v.isTextual() ? v.asText() : v.toString();
    Set<String> fields = new HashSet<>();
    tree.fieldNames().forEachRemaining(fields::add);
    return new VariableBody(key, value, description, Set.copyOf(fields));
  }
}
