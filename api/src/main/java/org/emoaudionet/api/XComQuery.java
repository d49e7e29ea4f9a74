package org.emoaudionet.api;

import jakarta.ws.rs.core.MultivaluedMap;
import java.math.BigInteger;
import java.util.List;

/**
 * The query of {@code GET .../xcomEntries}, parsed: page, map index, key, order and the list
 * filters (kept raw: {@link XComListing} knows which fields they filter).
 *
 * @param mapIndex null for any; every XCom here has -1
 * @param mapIndexFilter Airflow 3.3's {@code map_index_filter}; null for none
 */
record XComQuery(int limit, int offset, Integer mapIndex, Integer mapIndexFilter, String key,
    List<String> orderBy, FilterSource filters) {

  static XComQuery parse(MultivaluedMap<String, String> q) {
    return new XComQuery(Params.limit(q.getFirst("limit")), Params.offset(q.getFirst("offset")),
        mapIndex(q.getFirst("map_index"), null),
        q.getFirst("map_index_filter") == null ? null
            : integer("map_index_filter", q.getFirst("map_index_filter")),
        q.getFirst("xcom_key"), q.getOrDefault("order_by", List.of()), FilterSource.query(q));
  }

  /** {@code map_index}: an integer of at least -1 (FastAPI's {@code ge=-1}). */
  static Integer mapIndex(String raw, Integer dflt) {
    if (raw == null || raw.isEmpty()) return dflt;
    int v = integer("map_index", raw);
    if (v < -1) {
      throw ApiException.invalid("greater_than_equal", List.of("query", "map_index"),
          "Input should be greater than or equal to -1", raw);
    }
    return v;
  }

  private static int integer(String name, String raw) {
    try {
      return new BigInteger(raw.strip()).intValueExact();
    } catch (ArithmeticException | NumberFormatException e) {
      throw ApiException.invalid("int_parsing", List.of("query", name),
          "Input should be a valid integer, unable to parse string as an integer", raw);
    }
  }
}
