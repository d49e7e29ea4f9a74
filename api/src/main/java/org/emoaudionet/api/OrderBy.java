package org.emoaudionet.api;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Airflow's {@code order_by} query parameter: one or more attribute names, each optionally
 * prefixed with {@code -} for descending; an attribute the endpoint does not sort by is a 400
 * with Airflow's wording.
 */
final class OrderBy {
  private OrderBy() {}

  /** @param dflt the keys used when the request names none */
  static <T> Comparator<T> of(List<String> orderBy, Map<String, Comparator<T>> allowed,
      String... dflt) {
    List<String> keys = orderBy == null || orderBy.isEmpty() ? List.of(dflt) : orderBy;
    Comparator<T> out = null;
    for (String key : keys) {
      boolean desc = key.startsWith("-");
      String attr = desc ? key.substring(1) : key;
      Comparator<T> c = allowed.get(attr);
      if (c == null) {
        throw ApiException.badRequest("Ordering with '" + attr + "' is disallowed or the attribute"
            + " does not exist on the model; supported: " + allowed.keySet().stream().sorted().toList());
      }
      if (desc) c = c.reversed();
      out = out == null ? c : out.thenComparing(c);
    }
    return out;
  }

  /**
   * Airflow's {@code *_prefix_pattern} as its API description defines it: a case-sensitive prefix
   * in which {@code %} and {@code _} are literal, trailing non-alphanumeric characters are
   * stripped ({@code test_} matches values starting with {@code test}), {@code |} separates
   * alternatives and {@code ~} matches everything; absent = no filter.
   */
  static boolean prefix(String pattern, String value) {
    if (pattern == null || pattern.isEmpty() || pattern.equals("~")) return true;
    if (value == null) return false;
    for (String alt : pattern.split("\\|", -1)) {
      if (value.startsWith(alt.replaceAll("[^A-Za-z0-9]+$", ""))) return true;
    }
    return false;
  }

  /** A {@code *_pattern} (ILIKE) filter on {@code value}; absent = no filter. */
  static boolean like(LikePattern pattern, String value) {
    return pattern == null || (value != null && pattern.matches(value));
  }

  static <T> Page<T> page(List<T> all, String limit, String offset) {
    int lim = Params.limit(limit);
    int off = Params.offset(offset);
    return new Page<>(all.stream().skip(off).limit(lim).toList(), all.size());
  }

  record Page<T>(List<T> items, int total) {}
}
