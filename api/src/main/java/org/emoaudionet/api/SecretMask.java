package org.emoaudionet.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Locale;
import java.util.Set;

/**
 * Airflow's secrets masker as it applies to variables: a key whose name contains one of Airflow's
 * sensitive words ({@code DEFAULT_SENSITIVE_FIELDS}: password, secret, token, api_key, ...) has its
 * value shown as {@code ***}; a JSON object value has the values of its sensitive keys masked, at
 * any depth. One deliberate difference: Airflow leaves numbers and booleans under a sensitive name
 * unmasked (a PIN of digits would show); here every value under one is masked.
 */
final class SecretMask {
  private SecretMask() {}

  static final String MASK = "***";
  static final Set<String> SENSITIVE = Set.of("access_token", "api_key", "apikey",
      "authorization", "passphrase", "passwd", "password", "private_key", "secret", "token",
      "keyfile_dict", "service_account");
  private static final ObjectMapper JSON = new ObjectMapper();

  static boolean sensitive(String name) {
    String n = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
    return SENSITIVE.stream().anyMatch(n::contains);
  }

  /** The stored value of variable {@code key} as the API may show it. */
  static String variable(String key, String value) {
    if (value == null) return null;
    JsonNode tree;
    try {
      tree = JSON.readTree(value);
    } catch (java.io.IOException notJson) {
      tree = null;
    }
    if (sensitive(key)) {
      return tree != null && tree.isContainerNode() ? write(all(tree)) : MASK;
    }
    if (tree == null || !tree.isContainerNode()) return value;
    JsonNode masked = byKey(tree);
    return masked.equals(tree) ? value : write(masked);
  }

  private static JsonNode byKey(JsonNode n) {
    if (n.isObject()) {
      ObjectNode out = JSON.createObjectNode();
      n.fields().forEachRemaining(e -> out.set(e.getKey(),
          sensitive(e.getKey()) ? all(e.getValue()) : byKey(e.getValue())));
      return out;
    }
    if (n.isArray()) {
      ArrayNode out = JSON.createArrayNode();
      n.forEach(v -> out.add(byKey(v)));
      return out;
    }
    return n;
  }

  private static JsonNode all(JsonNode n) {
    if (n.isObject()) {
      ObjectNode out = JSON.createObjectNode();
      n.fields().forEachRemaining(e -> out.set(e.getKey(), all(e.getValue())));
      return out;
    }
    if (n.isArray()) {
      ArrayNode out = JSON.createArrayNode();
      n.forEach(v -> out.add(all(v)));
      return out;
    }
    return n.isNull() ? n : TextNode.valueOf(MASK);
  }

  private static String write(JsonNode n) {
    try {
      return JSON.writeValueAsString(n);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
