package org.emoaudionet.features.shards;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.emoaudionet.data.TaskSpec;
import org.emoaudionet.features.SegmentFeatures;

/**
 * Writes a shard folder segment by segment, holding at most one shard's segments: preparation of
 * a corpus larger than memory. {@link #finish} writes {@code shards.json} last, so a folder
 * without it is an unfinished write, never a short data set.
 */
public final class ShardWriter implements AutoCloseable {
  private final Path dir;
  private final ShardIndex meta;
  private final int perShard;
  private final List<SegmentFeatures> pending = new ArrayList<>();
  private final List<ShardIndex.Shard> shards = new ArrayList<>();
  private long segments;
  private ShardIndex finished;

  public ShardWriter(Path dir, TaskSpec task, int imageSize, int mfccLength, int mfccChannels,
      int perShard) throws IOException {
    if (perShard < 1) throw new IllegalArgumentException("perShard must be >= 1, got " + perShard);
    this.dir = dir;
    this.perShard = perShard;
    this.meta = ShardIndex.of(task, imageSize, mfccLength, mfccChannels, 0, List.of());
    Files.createDirectories(dir);
    Files.deleteIfExists(dir.resolve(FeatureShards.INDEX));
  }

  public void add(SegmentFeatures s) throws IOException {
    if (finished != null) throw new IllegalStateException("the shard folder " + dir + " is finished");
    pending.add(s);
    segments++;
    if (pending.size() == perShard) flush();
  }

  /** Writes the last shard and the index; the index, as {@link FeatureShards#index} reads it. */
  public ShardIndex finish() throws IOException {
    if (finished != null) return finished;
    if (!pending.isEmpty()) flush();
    finished = meta.withShards(Math.toIntExact(segments), shards);
    FeatureShards.writeIndex(dir, finished);
    return finished;
  }

  private void flush() throws IOException {
    String file = String.format("shard-%05d.npz", shards.size());
    shards.add(FeatureShards.writeShard(dir, file, meta, pending));
    pending.clear();
  }

  /** Without {@link #finish} the folder stays without an index: readers refuse it. */
  @Override
  public void close() {
    pending.clear();
  }
}
