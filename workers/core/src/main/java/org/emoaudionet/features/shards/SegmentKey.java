package org.emoaudionet.features.shards;

import org.emoaudionet.data.Split;
import org.emoaudionet.features.SegmentLabels;

/**
 * A sharded segment's labels and where it lies: row {@code row} of the folder (shards in order,
 * rows in order within each), which is how {@link ShardedFeatures} finds its inputs again.
 */
public record SegmentKey(int row, String recordingId, String speaker, double startSeconds,
    Split split, int classIndex, double target, String origin) implements SegmentLabels {}
