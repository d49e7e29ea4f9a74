package org.emoaudionet.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.util.List;
import java.util.Set;

/**
 * The body of Airflow's batch listings (DAGRunsBatchBody, TaskInstancesBatchBody): filters under
 * the same names as the GET listings' parameters, plus {@code page_limit} (default 100, cut to
 * {@link Params#MAX_LIMIT}), {@code page_offset} and one {@code order_by} key.
 */
record BatchBody(FilterSource source, int pageLimit, int pageOffset, List<String> orderBy) {

  static BatchBody parse(String text, ObjectMapper json, Set<String> fields, Set<String> lists) {
    JsonBody checked = JsonBody.parse(text, json, fields);
    checked.done();
    JsonNode node;
    try {
      node = json.readTree(text == null || text.isBlank() ? "{}" : text);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e); // JsonBody.parse has read it already
    }
    FilterSource src = FilterSource.body(node, lists);
    int limit = Math.min(page(node, "page_limit", 100), Params.MAX_LIMIT);
    int offset = page(node, "page_offset", 0);
    JsonNode order = node.get("order_by");
    if (order != null && !order.isNull() && !order.isTextual()) {
      throw ApiException.invalid("string_type", List.of("body", "order_by"),
          "Input should be a valid string", order.toString());
    }
    List<String> orderBy = order == null || order.isNull() ? List.of() : List.of(order.asText());
    return new BatchBody(src, limit, offset, orderBy);
  }

  private static int page(JsonNode node, String name, int dflt) {
    JsonNode v = node.get(name);
    if (v == null) return dflt;
    if (!v.isIntegralNumber()) {
      throw ApiException.invalid("int_type", List.of("body", name), "Input should be a valid integer",
          v.isValueNode() ? v.asText() : v.toString());
    }
    BigInteger n = v.bigIntegerValue();
    if (n.signum() < 0) {
      throw ApiException.invalid("greater_than_equal", List.of("body", name),
          "Input should be greater than or equal to 0", n);
    }
    return n.min(BigInteger.valueOf(Integer.MAX_VALUE)).intValue();
  }
}
