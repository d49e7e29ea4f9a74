package org.emoaudionet.features.shards;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
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
  private final Predicate<SegmentFeatures> keep;
  private final Random random;
  private final List<Integer> shardOrder;
  private final List<SegmentFeatures> buffer = new ArrayList<>();
  private int nextShard;
  private int peak;

  /**
   * @param seed the pass's seed (e.g. the run's seed plus the epoch: each epoch its own order)
   * @param keep which segments to stream (e.g. the training split)
   */
  public ShardStream(Path dir, int batchSize, int bufferSegments, long seed,
      Predicate<SegmentFeatures> keep) throws IOException {
    if (batchSize < 1 || bufferSegments < batchSize) {
      throw new IllegalArgumentException("need batchSize >= 1 and bufferSegments >= batchSize, got "
          + batchSize + " and " + bufferSegments);
    }
    this.dir = dir;
    this.batchSize = batchSize;
    this.bufferSegments = bufferSegments;
    this.keep = keep;
    this.random = new Random(seed);
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < FeatureShards.index(dir).shards().size(); i++) order.add(i);
    Collections.shuffle(order, random);
    this.shardOrder = order;
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
        for (SegmentFeatures s : FeatureShards.read(dir, shardOrder.get(nextShard++))) {
          if (keep.test(s)) buffer.add(s);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      peak = Math.max(peak, buffer.size());
    }
  }
}
