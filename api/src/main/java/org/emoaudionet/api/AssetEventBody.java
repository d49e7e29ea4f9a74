package org.emoaudionet.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Airflow's CreateAssetEventsBody, checked, with the request's {@code Idempotency-Key} header:
 * asset_id, extra, partition_key (1-250 characters, not blank), access_control (accepted, no
 * teams here).
 */
record AssetEventBody(int assetId, Map<String, Object> extra, String partitionKey,
    String idempotencyKey) {
  private static final Set<String> KEYS =
      Set.of("asset_id", "extra", "partition_key", "access_control");

  static AssetEventBody parse(String body, String idempotencyKey, ObjectMapper json) {
    JsonBody b = JsonBody.parse(body, json, KEYS);
    Integer assetId = b.requiredInt("asset_id");
    Map<String, Object> extra = b.object("extra");
    String partitionKey = b.string("partition_key", 250);
    if (partitionKey != null && partitionKey.isBlank()) {
      b.error("string_pattern_mismatch", "partition_key", "String should match pattern '\\S'",
          partitionKey);
    }
    b.object("access_control"); // a well-formed one changes nothing
    b.done();
    return new AssetEventBody(assetId, extra == null ? Map.of() : extra, partitionKey,
        idempotencyKey);
  }

  /**
   * Refuses an over-long {@code Idempotency-Key}: after the asset is known, as Airflow orders
   * its checks (an unknown asset is a 404 first).
   */
  void checkIdempotencyKey() {
    if (idempotencyKey != null && idempotencyKey.length() > 250) {
      throw ApiException.invalid("string_too_long", List.of("header", "Idempotency-Key"),
          "String should have at most 250 characters", idempotencyKey);
    }
  }
}
