package org.emoaudionet.worker;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import org.emoaudionet.features.shards.ShardIndex;

/**
 * {@code cache/feature-shards/<digest>.json}, written after the shard's {@code .npz}: its header
 * (task, sizes, the one shard file with its SHA-256, or none when every recording of the shard was
 * unusable) and the unusable recordings with their reasons. Its presence is the cache hit, so a
 * shard whose upload was cut short is prepared again.
 */
record ShardRecord(ShardIndex index, List<String> rejected) {
  private static final ObjectMapper JSON = new ObjectMapper();

  ShardRecord {
    rejected = rejected == null ? List.of() : List.copyOf(rejected);
  }

  static String keyOf(String shardKey) {
    return shardKey.replaceFirst("\\.npz$", ".json");
  }

  byte[] json() throws IOException {
    return JSON.writeValueAsBytes(this);
  }

  static ShardRecord parse(String text, String key) throws IOException {
    try {
      return JSON.readValue(text, ShardRecord.class);
    } catch (IOException e) {
      throw new IOException(key + ": not a shard record: " + e.getMessage(), e);
    }
  }
}
