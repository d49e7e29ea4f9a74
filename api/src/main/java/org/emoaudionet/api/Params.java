package org.emoaudionet.api;

import java.math.BigInteger;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Query parameters read as text and checked here, so that {@code limit=abc} is a 422 naming
 * the parameter (as FastAPI answers) and not JAX-RS's bare 404.
 */
final class Params {
  private Params() {}

  static final int DEFAULT_LIMIT = 50;
  /** Airflow's {@code [api] maximum_page_limit}: larger limits are cut to it. */
  static final int MAX_LIMIT = 100;

  static int limit(String raw) {
    return Math.min(nonNegative("limit", raw, DEFAULT_LIMIT), MAX_LIMIT);
  }

  static int offset(String raw) {
    return nonNegative("offset", raw, 0);
  }

  /**
   * A non-negative integer parameter. Pydantic parses any number of digits, so a huge value is
   * not an error: it is cut to {@link Integer#MAX_VALUE} (a limit then to MAX_LIMIT, an offset
   * past the end gives an empty page).
   */
  static int nonNegative(String name, String raw, int dflt) {
    if (raw == null || raw.isEmpty()) return dflt;
    BigInteger v;
    try {
      v = new BigInteger(raw.strip());
    } catch (NumberFormatException e) {
      throw ApiException.invalid("int_parsing", List.of("query", name),
          "Input should be a valid integer, unable to parse string as an integer", raw);
    }
    if (v.signum() < 0) {
      throw ApiException.invalid("greater_than_equal", List.of("query", name),
          "Input should be greater than or equal to 0", raw);
    }
    return v.min(BigInteger.valueOf(Integer.MAX_VALUE)).intValue();
  }

  static Boolean bool(String name, String raw) {
    if (raw == null || raw.isEmpty()) return null;
    return switch (raw.strip().toLowerCase()) {
      case "true", "1", "yes", "on", "t", "y" -> true;
      case "false", "0", "no", "off", "f", "n" -> false;
      default -> throw ApiException.invalid("bool_parsing", List.of("query", name),
          "Input should be a valid boolean, unable to interpret input", raw);
    };
  }

  /**
   * An aware ISO-8601 date-time, as pydantic's AwareDatetime requires, in Python's datetime
   * range (years 1 to 9999): java.time reads years up to 999999999, which Airflow could never
   * store and which became run ids such as {@code manual__+1000000000-01-01...}.
   */
  static Instant time(List<Object> loc, String raw) {
    OffsetDateTime t;
    try {
      t = OffsetDateTime.parse(raw);
    } catch (DateTimeParseException e) {
      throw ApiException.invalid("datetime_from_date_parsing", loc,
          "Input should be a valid datetime with a timezone (ISO 8601), got '" + raw + "'", raw);
    }
    int year = t.atZoneSameInstant(ZoneOffset.UTC).getYear();
    if (year < 1 || year > 9999) {
      throw ApiException.invalid("datetime_parsing", loc,
          "Input should be a valid datetime, year " + year + " is out of range 1..9999", raw);
    }
    return t.toInstant();
  }

  /** A path parameter Airflow types {@code Literal["~"]} (the batch listings). */
  static void tilde(String name, String value) {
    if (!"~".equals(value)) {
      throw ApiException.invalid("literal_error", List.of("path", name), "Input should be '~'", value);
    }
  }

  /**
   * Refuses the documented parameters an endpoint cannot honour (name → why), with a 422 naming
   * each: a filter silently ignored would answer rows the caller asked to leave out.
   */
  static void refuse(jakarta.ws.rs.core.MultivaluedMap<String, String> query,
      java.util.Map<String, String> unsupported) {
    List<java.util.Map<String, Object>> errors = new java.util.ArrayList<>();
    unsupported.forEach((name, why) -> {
      if (query.containsKey(name)) {
        errors.add(ApiException.item("value_error", List.of("query", name),
            "Value error, " + name + " is not supported by this API: " + why,
            query.getFirst(name)));
      }
    });
    if (!errors.isEmpty()) throw ApiException.invalid(errors);
  }

  /**
   * An Airflow {@code *_pattern} parameter as a matcher, or null when absent (no filter). Matched
   * without regular expressions: see {@link LikePattern}.
   */
  static LikePattern pattern(String raw) {
    return raw == null || raw.isEmpty() ? null : LikePattern.compile(raw);
  }
}
