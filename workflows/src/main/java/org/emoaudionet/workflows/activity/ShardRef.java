package org.emoaudionet.workflows.activity;

import java.util.List;

/**
 * One prepared shard in S3 ({@code cache/feature-shards/<digest>.npz}, none when it has no
 * segment).
 *
 * @param sha256 of the shard file, as the data set's {@code shards.json} lists it
 * @param cacheHit true when the shard was already in S3 and nothing was computed
 * @param rejected the shard's recordings that could not be used, each with its reason
 */
public record ShardRef(int index, String key, String digest, int segments, String sha256,
    boolean cacheHit, List<String> rejected, String log, int attempt) implements TaskOutput {
  public ShardRef {
    rejected = rejected == null ? List.of() : List.copyOf(rejected);
  }
}
