package org.emoaudionet.api;

import java.math.BigInteger;
import java.util.List;

/**
 * Integer path parameters ({@code asset_id: int}): not an integer is FastAPI's 422 naming it; an
 * integer of any size is accepted as Python's int is, and one past Java's int range simply names
 * nothing that exists (so a 404, as Airflow answers for an unknown id).
 */
final class PathInts {
  private PathInts() {}

  /** The value, or null for an integer too large to be any id here. */
  static Integer parse(String name, String raw) {
    BigInteger v;
    try {
      v = new BigInteger(raw.strip());
    } catch (NumberFormatException e) {
      throw ApiException.invalid("int_parsing", List.of("path", name),
          "Input should be a valid integer, unable to parse string as an integer", raw);
    }
    return v.bitLength() < 32 ? v.intValue() : null;
  }
}
