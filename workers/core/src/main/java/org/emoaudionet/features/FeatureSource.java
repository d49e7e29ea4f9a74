package org.emoaudionet.features;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.emoaudionet.data.Split;
import org.emoaudionet.data.TaskSpec;

/**
 * A prepared data set as training and evaluation read it: every segment's labels up front, the
 * network inputs only batch by batch. {@link FeatureSet} holds everything in memory;
 * {@link org.emoaudionet.features.shards.ShardedFeatures} streams from shards with memory bounded
 * by its shuffle buffer, whatever the data set's size.
 *
 * @param <L> the source's label type; the subsets passed back must be drawn from {@link #labels()}
 */
public interface FeatureSource<L extends SegmentLabels> {
  TaskSpec task();

  int imageSize();

  int mfccLength();

  int mfccChannels();

  /** Every segment's labels, in the source's order. */
  List<L> labels();

  /** Each segment of {@code subset} once, in batches of {@code batchSize} (fewer in the last). */
  Iterator<List<SegmentFeatures>> pass(List<L> subset, int batchSize);

  /**
   * One seeded, shuffled pass over {@code subset}: the same subset and seed give the same
   * batches.
   */
  Iterator<List<SegmentFeatures>> shuffled(List<L> subset, int batchSize, long seed);

  /** The labels of one split, in the source's order. */
  default List<L> labelsOf(Split s) {
    List<L> out = new ArrayList<>();
    for (L l : labels()) if (l.split() == s) out.add(l);
    return out;
  }

  /** The first segment of split {@code s} with its inputs (one read), if the split has any. */
  default Optional<SegmentFeatures> first(Split s) {
    for (L l : labels()) {
      if (l.split() == s) return Optional.of(pass(List.of(l), 1).next().get(0));
    }
    return Optional.empty();
  }

  /** Segments of {@code subset} in {@link #pass} order: a lazy view, for single-pass statistics. */
  default Iterable<SegmentFeatures> each(List<L> subset) {
    return () -> new Iterator<>() {
      private final Iterator<List<SegmentFeatures>> batches = pass(subset, 256);
      private Iterator<SegmentFeatures> current = java.util.Collections.emptyIterator();

      @Override
      public boolean hasNext() {
        while (!current.hasNext() && batches.hasNext()) current = batches.next().iterator();
        return current.hasNext();
      }

      @Override
      public SegmentFeatures next() {
        if (!hasNext()) throw new java.util.NoSuchElementException();
        return current.next();
      }
    };
  }
}
