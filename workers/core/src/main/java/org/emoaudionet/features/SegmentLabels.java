package org.emoaudionet.features;

import org.emoaudionet.data.Split;

/**
 * What is known of a segment without its network inputs: enough to carve validation speakers,
 * count classes and group files, for a data set too large to hold its features in memory.
 */
public interface SegmentLabels {
  String recordingId();

  String speaker();

  double startSeconds();

  Split split();

  int classIndex();

  /** The continuous target, NaN if none. */
  double target();

  String origin();
}
