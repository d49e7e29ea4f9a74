package org.emoaudionet.api;

import java.math.BigInteger;
import java.time.Instant;
import java.util.List;

/**
 * The query of {@code GET /api/v2/assets/events}, parsed. The source fields are kept only to be
 * matched: every event here was seen by a watcher or announced, none has a source task.
 */
record AssetEventQuery(String limit, String offset, List<String> orderBy, Long assetId,
    String sourceDagId, String sourceTaskId, String sourceRunId, Long sourceMapIndex,
    LikePattern name, String namePrefix, Instant since, Instant after, Instant until,
    Instant before) {

  static AssetEventQuery parse(String limit, String offset, List<String> orderBy, String assetId,
      String sourceDagId, String sourceTaskId, String sourceRunId, String sourceMapIndex,
      String namePattern, String namePrefix, String gte, String gt, String lte, String lt) {
    Long asset = assetId == null || assetId.isEmpty() ? null : queryInt("asset_id", assetId);
    Long mapIndex = sourceMapIndex == null || sourceMapIndex.isEmpty() ? null
        : queryInt("source_map_index", sourceMapIndex);
    LikePattern name = Params.pattern(namePattern);
    return new AssetEventQuery(limit, offset, orderBy, asset, sourceDagId, sourceTaskId,
        sourceRunId, mapIndex, name, namePrefix, time("timestamp_gte", gte),
        time("timestamp_gt", gt), time("timestamp_lte", lte), time("timestamp_lt", lt));
  }

  /** An integer query value of any size (Python's int); one past long's range matches nothing. */
  private static long queryInt(String name, String raw) {
    try {
      BigInteger v = new BigInteger(raw.strip());
      return v.bitLength() < 64 ? v.longValue() : Long.MIN_VALUE;
    } catch (NumberFormatException e) {
      throw ApiException.invalid("int_parsing", List.of("query", name),
          "Input should be a valid integer, unable to parse string as an integer", raw);
    }
  }

  private static Instant time(String name, String raw) {
    return raw == null || raw.isEmpty() ? null : Params.time(List.of("query", name), raw);
  }
}
