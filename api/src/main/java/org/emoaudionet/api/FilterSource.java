package org.emoaudionet.api;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where list filters read their values: the query string of a GET listing, or the JSON body of
 * Airflow's batch listings ({@code POST .../list}), whose fields carry the same names.
 */
interface FilterSource {
  /** Every value given for {@code name}, in order; empty when absent (or null in a body). */
  List<String> values(String name);

  /** {@code "query"} or {@code "body"}: the first element of an error's {@code loc}. */
  String where();

  static FilterSource query(MultivaluedMap<String, String> params) {
    return new FilterSource() {
      @Override
      public List<String> values(String name) {
        List<String> v = params.get(name);
        return v == null ? List.of() : List.copyOf(v);
      }

      @Override
      public String where() {
        return "query";
      }
    };
  }

  /**
   * A body whose list fields are {@code lists} and all others scalars: a scalar where a list
   * belongs (or the other way round), or an object anywhere, is a 422 naming the field. Null
   * elements of a list stay null (Airflow's {@code state: [null]} matches tasks without one).
   */
  static FilterSource body(JsonNode body, Set<String> lists) {
    List<Map<String, Object>> errors = new ArrayList<>();
    body.fields().forEachRemaining(e -> {
      JsonNode v = e.getValue();
      boolean list = lists.contains(e.getKey());
      if (v.isNull()) return;
      if (list && !v.isArray()) {
        errors.add(ApiException.item("list_type", List.of("body", e.getKey()),
            "Input should be a valid list", v.isValueNode() ? v.asText() : v.toString()));
      } else if (!list && !v.isValueNode()) {
        errors.add(ApiException.item("string_type", List.of("body", e.getKey()),
            "Input should be a valid string or number", v.toString()));
      } else if (list) {
        for (int i = 0; i < v.size(); i++) {
          if (!v.get(i).isValueNode()) {
            errors.add(ApiException.item("string_type", List.of("body", e.getKey(), i),
                "Input should be a valid string", v.get(i).toString()));
          }
        }
      }
    });
    if (!errors.isEmpty()) throw ApiException.invalid(errors);
    return new FilterSource() {
      @Override
      public List<String> values(String name) {
        JsonNode v = body.get(name);
        if (v == null || v.isNull()) return List.of();
        List<String> out = new ArrayList<>();
        if (v.isArray()) {
          v.forEach(x -> out.add(x.isNull() ? null : x.asText()));
        } else {
          out.add(v.asText());
        }
        return out;
      }

      @Override
      public String where() {
        return "body";
      }
    };
  }
}
