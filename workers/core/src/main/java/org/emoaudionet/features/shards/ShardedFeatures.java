package org.emoaudionet.features.shards;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.emoaudionet.data.TaskSpec;
import org.emoaudionet.features.FeatureSource;
import org.emoaudionet.features.SegmentFeatures;

/**
 * A shard folder as a {@link FeatureSource}: the labels of every segment in memory (a few dozen
 * bytes each), the inputs read shard by shard. Training draws its batches through a
 * {@link ShardStream} of {@code bufferSegments}, so the inputs held at once are at most the buffer
 * plus one shard, whatever the folder's size; validation and evaluation read in shard order, one
 * shard at a time.
 */
public final class ShardedFeatures implements FeatureSource<SegmentKey> {
  private final Path dir;
  private final ShardIndex index;
  private final TaskSpec task;
  private final int bufferSegments;
  private final List<SegmentKey> labels;
  private final int[] firstRow;
  private ShardedFeatures(Path dir, ShardIndex index, TaskSpec task, int bufferSegments,
      List<SegmentKey> labels) {
    this.dir = dir;
    this.index = index;
    this.task = task;
    this.bufferSegments = bufferSegments;
    this.labels = List.copyOf(labels);
    this.firstRow = ShardStream.firstRows(index);
  }

  /** Opens {@code dir} for the task its index names (bins included). */
  public static ShardedFeatures open(Path dir, int bufferSegments) throws IOException {
    return open(dir, FeatureShards.index(dir).taskSpec(), bufferSegments);
  }

  /**
   * Opens {@code dir}. {@code task} must be the folder's task (the index holds its name and
   * classes, not its ordinal bins); {@code bufferSegments} bounds the shuffle buffer.
   */
  public static ShardedFeatures open(Path dir, TaskSpec task, int bufferSegments)
      throws IOException {
    if (bufferSegments < 1) {
      throw new IllegalArgumentException("bufferSegments must be >= 1, got " + bufferSegments);
    }
    ShardIndex index = FeatureShards.index(dir);
    if (!index.task().equals(task.name()) || !index.classes().equals(task.classes())) {
      throw new IOException(dir.resolve(FeatureShards.INDEX) + ": task '" + index.task() + "' "
          + index.classes() + ", expected '" + task.name() + "' " + task.classes());
    }
    List<SegmentKey> labels = new ArrayList<>(index.segments());
    int row = 0;
    for (int i = 0; i < index.shards().size(); i++) {
      labels.addAll(FeatureShards.labels(dir, index, i, row));
      row += index.shards().get(i).segments();
    }
    if (labels.size() != index.segments()) {
      throw new IOException(dir.resolve(FeatureShards.INDEX) + ": says " + index.segments()
          + " segments, its shards hold " + labels.size());
    }
    return new ShardedFeatures(dir, index, task, bufferSegments, labels);
  }

  /**
   * The same folder with every segment's split replaced (row order): the splits are computed from
   * the labels after the features were written ({@code Splitter.assign}).
   */
  public ShardedFeatures withSplits(List<org.emoaudionet.data.Split> bySplit) {
    if (bySplit.size() != labels.size()) {
      throw new IllegalArgumentException(bySplit.size() + " splits for " + labels.size() + " segments");
    }
    List<SegmentKey> relabelled = new ArrayList<>(labels.size());
    for (int i = 0; i < labels.size(); i++) {
      SegmentKey k = labels.get(i);
      relabelled.add(new SegmentKey(k.row(), k.recordingId(), k.speaker(), k.startSeconds(),
          bySplit.get(i), k.classIndex(), k.target(), k.origin()));
    }
    return new ShardedFeatures(dir, index, task, bufferSegments, relabelled);
  }

  public Path dir() {
    return dir;
  }

  @Override
  public TaskSpec task() {
    return task;
  }

  @Override
  public int imageSize() {
    return index.imageSize();
  }

  @Override
  public int mfccLength() {
    return index.mfccLength();
  }

  @Override
  public int mfccChannels() {
    return index.mfccChannels();
  }

  @Override
  public List<SegmentKey> labels() {
    return labels;
  }

  @Override
  public Iterator<List<SegmentFeatures>> shuffled(List<SegmentKey> subset, int batchSize,
      long seed) {
    int buffer = Math.max(batchSize, bufferSegments);
    return new ShardStream(dir, index, batchSize, buffer, seed, rows(subset), this::relabel);
  }

  /** In shard order (not {@code subset}'s): one shard read at a time, each at most once. */
  @Override
  public Iterator<List<SegmentFeatures>> pass(List<SegmentKey> subset, int batchSize) {
    if (batchSize < 1) throw new IllegalArgumentException("batchSize must be >= 1, got " + batchSize);
    BitSet rows = rows(subset);
    return new Iterator<>() {
      private int shard;
      private final List<SegmentFeatures> ready = new ArrayList<>();

      @Override
      public boolean hasNext() {
        while (ready.size() < batchSize && shard < index.shards().size()) {
          int from = firstRow[shard];
          int to = from + index.shards().get(shard).segments();
          int next = rows.nextSetBit(from);
          if (next >= 0 && next < to) {
            try {
              List<SegmentFeatures> segs = FeatureShards.read(dir, index, shard);
              for (int r = 0; r < segs.size(); r++) {
                if (rows.get(from + r)) ready.add(relabel(from + r, segs.get(r)));
              }
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          }
          shard++;
        }
        return !ready.isEmpty();
      }

      @Override
      public List<SegmentFeatures> next() {
        if (!hasNext()) throw new NoSuchElementException("the pass is over");
        int n = Math.min(batchSize, ready.size());
        List<SegmentFeatures> batch = new ArrayList<>(ready.subList(0, n));
        ready.subList(0, n).clear();
        return batch;
      }
    };
  }

  /** A segment as this source labels it: its split is its label's (row {@code row}). */
  private SegmentFeatures relabel(int row, SegmentFeatures s) {
    org.emoaudionet.data.Split split = labels.get(row).split();
    return split == s.split() ? s : s.withSplit(split);
  }

  private static BitSet rows(List<SegmentKey> subset) {
    BitSet rows = new BitSet();
    for (SegmentKey k : subset) rows.set(k.row());
    return rows;
  }
}
