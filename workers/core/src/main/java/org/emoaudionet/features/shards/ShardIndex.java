package org.emoaudionet.features.shards;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * {@code shards.json}: what a folder of feature shards holds, and the SHA-256 of each shard, so
 * that a reader refuses a shard that changed or was cut short. Field names are snake_case for
 * the Python side.
 *
 * @param format {@value FeatureShards#FORMAT}
 * @param task the task's name; its classes in order ({@code class_index} points into them)
 */
public record ShardIndex(
    String format,
    String task,
    List<String> classes,
    @JsonProperty("image_size") int imageSize,
    @JsonProperty("mfcc_length") int mfccLength,
    @JsonProperty("mfcc_channels") int mfccChannels,
    int segments,
    List<Shard> shards) {

  /** One shard file: {@code shard-00000.npz}, its segment count and its SHA-256 (hex). */
  public record Shard(String file, int segments, String sha256) {}
}
