package org.emoaudionet.features.shards;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.emoaudionet.data.TaskSpec;

/**
 * {@code shards.json}: what a folder of feature shards holds, and the SHA-256 of each shard, so
 * that a reader refuses a shard that changed or was cut short. Field names are snake_case for
 * the Python side.
 *
 * @param format {@value FeatureShards#FORMAT}
 * @param task the task's name; its classes in order ({@code class_index} points into them)
 * @param binCenters an ordinal task's class centres ({@code TaskSpec}), absent for a categorical
 *     one: with {@code binEdges} the folder is self-describing, so a reader needs no corpus
 */
public record ShardIndex(
    String format,
    String task,
    List<String> classes,
    @JsonProperty("image_size") int imageSize,
    @JsonProperty("mfcc_length") int mfccLength,
    @JsonProperty("mfcc_channels") int mfccChannels,
    int segments,
    List<Shard> shards,
    @JsonProperty("bin_centers") @JsonInclude(JsonInclude.Include.NON_NULL) double[] binCenters,
    @JsonProperty("bin_edges") @JsonInclude(JsonInclude.Include.NON_NULL) double[] binEdges) {

  /** The header of a folder of {@code task}'s segments: what every shard of it shares. */
  public static ShardIndex of(TaskSpec task, int imageSize, int mfccLength, int mfccChannels,
      int segments, List<Shard> shards) {
    return new ShardIndex(FeatureShards.FORMAT, task.name(), task.classes(), imageSize, mfccLength,
        mfccChannels, segments, List.copyOf(shards), task.binCenters(), task.binEdges());
  }

  /** The same header over other shards: a shard of a fanned-out set, or the joined set. */
  public ShardIndex withShards(int segments, List<Shard> shards) {
    return new ShardIndex(format, task, classes, imageSize, mfccLength, mfccChannels, segments,
        List.copyOf(shards), binCenters, binEdges);
  }

  /** The task this folder was prepared for, bins included. */
  @JsonIgnore
  public TaskSpec taskSpec() {
    return new TaskSpec(task, classes, binCenters, binEdges);
  }

  /** One shard file: {@code shard-00000.npz}, its segment count and its SHA-256 (hex). */
  public record Shard(String file, int segments, String sha256) {}
}
