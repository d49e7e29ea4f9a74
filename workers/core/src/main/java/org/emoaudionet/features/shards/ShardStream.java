package org.emoaudionet.features.shards;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.function.Predicate;
import org.emoaudionet.features.SegmentFeatures;

/**
 * One pass over a shard folder as shuffled batches, with memory bounded by the shuffle buffer
 * whatever the data set's size: the shards in a seeded random order, each read (and checked)
 * only when the buffer runs low, every batch drawn at random from the buffer (what tf.data's
 * {@code shuffle(buffer)} and WebDataset do). The same folder, seed and sizes give the same
 * batches; every kept segment comes exactly once per pass. At most {@code bufferSegments} plus
 * one shard's segments are held at a time.
 */
public final class ShardStream implements Iterator<List<SegmentFeatures>> {
  private final Path dir;
  private final int batchSize;
  private final int bufferSegments;
  private final ShardIndex index;
  private final int[] firstRow;
  private final RowFilter keep;
  private final java.util.function.BiFunction<Integer, SegmentFeatures, SegmentFeatures> map;
  private final Random random;
  private final List<Integer> shardOrder;
  private final List<SegmentFeatures> buffer = new ArrayList<>();
  private int nextShard;
  private int peak;

  /** Which segments a pass streams: by row of the folder, or by the segment itself. */
  @FunctionalInterface
  public interface RowFilter {
    boolean keep(int row, SegmentFeatures segment);
  }

  /**
   * @param seed the pass's seed (e.g. the run's seed plus the epoch: each epoch its own order)
   * @param keep which segments to stream (e.g. the training split)
   */
  public ShardStream(Path dir, int batchSize, int bufferSegments, long seed,
      Predicate<SegmentFeatures> keep) throws IOException {
    this(dir, FeatureShards.index(dir), batchSize, bufferSegments, seed, (r, s) -> keep.test(s));
  }

  /**
   * Rows set in {@code rows} only, each passed through {@code map} (row, segment) as it is read;
   * shards with none of them are not read at all.
   */
  public ShardStream(Path dir, ShardIndex index, int batchSize, int bufferSegments, long seed,
      BitSet rows, java.util.function.BiFunction<Integer, SegmentFeatures, SegmentFeatures> map) {
    this(dir, index, batchSize, bufferSegments, seed, (r, s) -> rows.get(r), rows, map);
  }

  private ShardStream(Path dir, ShardIndex index, int batchSize, int bufferSegments, long seed,
      RowFilter keep) {
    this(dir, index, batchSize, bufferSegments, seed, keep, null, (r, s) -> s);
  }

  private ShardStream(Path dir, ShardIndex index, int batchSize, int bufferSegments, long seed,
      RowFilter keep, BitSet rows,
      java.util.function.BiFunction<Integer, SegmentFeatures, SegmentFeatures> map) {
    this.map = map;
    if (batchSize < 1 || bufferSegments < batchSize) {
      throw new IllegalArgumentException("need batchSize >= 1 and bufferSegments >= batchSize, got "
          + batchSize + " and " + bufferSegments);
    }
    this.dir = dir;
    this.index = index;
    this.batchSize = batchSize;
    this.bufferSegments = bufferSegments;
    this.keep = keep;
    this.random = new Random(seed);
    this.firstRow = firstRows(index);
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < index.shards().size(); i++) {
      int from = firstRow[i];
      int to = from + index.shards().get(i).segments();
      int next = rows == null ? from : rows.nextSetBit(from);
      if (next >= 0 && next < to) order.add(i);
    }
    Collections.shuffle(order, random);
    this.shardOrder = order;
  }

  /** The row of each shard's first segment. */
  static int[] firstRows(ShardIndex index) {
    int[] first = new int[index.shards().size()];
    for (int i = 0, row = 0; i < first.length; row += index.shards().get(i).segments(), i++) {
      first[i] = row;
    }
    return first;
  }

  @Override
  public boolean hasNext() {
    fill();
    return !buffer.isEmpty();
  }

  /** The next batch: {@code batchSize} segments, fewer only for the last of the pass. */
  @Override
  public List<SegmentFeatures> next() {
    if (!hasNext()) throw new NoSuchElementException("the pass is over");
    List<SegmentFeatures> batch = new ArrayList<>(batchSize);
    while (batch.size() < batchSize) {
      fill();
      if (buffer.isEmpty()) break;
      int i = random.nextInt(buffer.size());
      // swap-remove: O(1), and the order left behind stays a function of the seed
      SegmentFeatures s = buffer.get(i);
      buffer.set(i, buffer.get(buffer.size() - 1));
      buffer.remove(buffer.size() - 1);
      batch.add(s);
    }
    return batch;
  }

  /** The most segments held at once so far (the memory bound, for the scale benchmark). */
  public int peakBuffered() {
    return peak;
  }

  private void fill() {
    while (buffer.size() < bufferSegments && nextShard < shardOrder.size()) {
      try {
        int shard = shardOrder.get(nextShard++);
        List<SegmentFeatures> segs = FeatureShards.read(dir, index, shard);
        for (int r = 0; r < segs.size(); r++) {
          int row = firstRow[shard] + r;
          if (keep.keep(row, segs.get(r))) buffer.add(map.apply(row, segs.get(r)));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      peak = Math.max(peak, buffer.size());
    }
  }
}
