package org.emoaudionet.api;

import java.util.List;

/** Integer path parameters ({@code asset_id: int}): anything else is FastAPI's 422 naming it. */
final class PathInts {
  private PathInts() {}

  static int parse(String name, String raw) {
    try {
      return Integer.parseInt(raw.strip());
    } catch (NumberFormatException e) {
      throw ApiException.invalid("int_parsing", List.of("path", name),
          "Input should be a valid integer, unable to parse string as an integer", raw);
    }
  }
}
