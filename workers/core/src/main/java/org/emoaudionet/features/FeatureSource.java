package org.emoaudionet.features;

import java.util.Iterator;
import java.util.List;
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
