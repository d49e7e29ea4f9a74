package org.emoaudionet.train;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.emoaudionet.features.SegmentFeatures;

/**
 * A validation set carved from the training segments when the data set has no VAL split. Whole
 * source segments are moved, with all their augmented copies, so that no augmented version of a
 * validation segment is trained on (the leak of the original code).
 */
record Holdout(List<SegmentFeatures> train, List<SegmentFeatures> val) {
  /** With fewer than two source segments nothing can be held out: both lists are the input. */
  static Holdout carve(List<SegmentFeatures> train, double fraction, long seed) {
    Map<String, List<SegmentFeatures>> groups = new LinkedHashMap<>();
    for (SegmentFeatures s : train) {
      groups.computeIfAbsent(s.recordingId() + "@" + s.startSeconds(), k -> new ArrayList<>()).add(s);
    }
    List<String> keys = new ArrayList<>(groups.keySet());
    if (keys.size() < 2) return new Holdout(train, train);
    Collections.shuffle(keys, new Random(seed));
    int n = (int) Math.round(fraction * keys.size());
    n = Math.max(1, Math.min(keys.size() - 1, n));
    List<SegmentFeatures> v = new ArrayList<>();
    List<String> valKeys = keys.subList(0, n);
    java.util.Set<String> valSet = new java.util.HashSet<>(valKeys);
    List<SegmentFeatures> t = new ArrayList<>();
    for (Map.Entry<String, List<SegmentFeatures>> e : groups.entrySet()) {
      (valSet.contains(e.getKey()) ? v : t).addAll(e.getValue());
    }
    return new Holdout(t, v);
  }
}
