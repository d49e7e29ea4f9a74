package org.emoaudionet.workflows.conf;

/**
 * How a run prepares and reads a data set too large for one worker's memory (conf keys
 * {@code shard_recordings}, {@code shard_parallelism}, {@code shuffle_buffer}): preprocess deals
 * the recordings into shards of {@code recordingsPerShard}, one activity each on the CPU queue, at
 * most {@code parallelism} at a time, each cached in S3 under its own digest; train, evaluate and
 * promote stream batches from the shards through a shuffle buffer of {@code shuffleBuffer}
 * segments, so memory is bounded by it whatever the data set's size. With {@code augment}, each
 * shard holds its recordings' augmented copies too (one activity: memory per shard activity is its
 * segments times the copies, about 150 KB each at 224 px).
 */
public record Sharding(int recordingsPerShard, int parallelism, int shuffleBuffer) {
  public static final int DEFAULT_PARALLELISM = 4;
  public static final int DEFAULT_SHUFFLE_BUFFER = 2048;
  /** More shard activities at once than this only queue on the workers' slots. */
  public static final int MAX_PARALLELISM = 64;

  public Sharding {
    if (recordingsPerShard < 1) {
      throw new IllegalArgumentException("shard_recordings must be >= 1, got " + recordingsPerShard);
    }
    if (parallelism < 1 || parallelism > MAX_PARALLELISM) {
      throw new IllegalArgumentException("shard_parallelism must be 1.." + MAX_PARALLELISM
          + ", got " + parallelism);
    }
    if (shuffleBuffer < 1) {
      throw new IllegalArgumentException("shuffle_buffer must be >= 1, got " + shuffleBuffer);
    }
  }
}
