package org.emoaudionet.train;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.emoaudionet.features.SegmentLabels;

/**
 * A validation set carved from the training segments when the data set has no VAL split.
 *
 * <p>By speaker whenever the training data has two or more speakers: a segment-level carve puts
 * the same voices in train and val, and early stopping then watches a speaker-dependent figure
 * (LibriSpeech sample: val 0.976 against test 0.797). Speakers are picked per majority class, so
 * that each class with two or more speakers reaches validation. Only a single-speaker training
 * set falls back to whole source segments (with all their augmented copies, so that no augmented
 * version of a validation segment is trained on, the leak of the original code).
 *
 * @param bySpeaker whether the carve is speaker-independent
 */
record Holdout<T extends SegmentLabels>(List<T> train, List<T> val, boolean bySpeaker) {
  /** With fewer than two groups nothing can be held out: both lists are the input. */
  static <T extends SegmentLabels> Holdout<T> carve(List<T> train, double fraction, long seed) {
    Map<String, List<T>> speakers = group(train, true);
    List<String> bySpeakerPick = speakers.size() >= 2 ? pick(speakers, fraction, new Random(seed)) : List.of();
    // A speaker carve that would take some class's only speaker out of training (or find nothing
    // to take) falls back to whole segments: the network could not learn that class at all.
    boolean bySpeaker = !bySpeakerPick.isEmpty();
    Map<String, List<T>> groups = bySpeaker ? speakers : group(train, false);
    List<String> keys = new ArrayList<>(groups.keySet());
    if (keys.size() < 2) return new Holdout<>(train, train, false);
    Set<String> valSet = new HashSet<>(bySpeaker ? bySpeakerPick : pick(groups, fraction, new Random(seed)));
    List<T> v = new ArrayList<>();
    List<T> t = new ArrayList<>();
    for (Map.Entry<String, List<T>> e : groups.entrySet()) {
      (valSet.contains(e.getKey()) ? v : t).addAll(e.getValue());
    }
    return new Holdout<>(t, v, bySpeaker);
  }

  private static <T extends SegmentLabels> Map<String, List<T>> group(List<T> segs, boolean bySpeaker) {
    Map<String, List<T>> groups = new TreeMap<>();
    for (T s : segs) {
      String key = bySpeaker
          ? (s.speaker() != null ? s.speaker() : "recording:" + s.recordingId())
          : s.recordingId() + "@" + s.startSeconds();
      groups.computeIfAbsent(key, k -> new ArrayList<>()).add(s);
    }
    return groups;
  }

  /**
   * Up to round(fraction * groups) keys (at least 1), spread over majority classes; never a
   * class's last group, so the result may be shorter, or empty when every class has one group.
   */
  private static <T extends SegmentLabels> List<String> pick(Map<String, List<T>> groups, double fraction, Random rnd) {
    Map<Integer, List<String>> byClass = new TreeMap<>();
    for (Map.Entry<String, List<T>> e : groups.entrySet()) {
      Map<Integer, Integer> counts = new TreeMap<>();
      for (T s : e.getValue()) counts.merge(s.classIndex(), 1, Integer::sum);
      int majority = counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
      byClass.computeIfAbsent(majority, k -> new ArrayList<>()).add(e.getKey());
    }
    int n = groups.size();
    int total = Math.max(1, Math.min(n - 1, (int) Math.round(fraction * n)));
    Map<Integer, List<String>> shuffled = new LinkedHashMap<>();
    for (Map.Entry<Integer, List<String>> e : byClass.entrySet()) {
      List<String> l = new ArrayList<>(e.getValue());
      Collections.shuffle(l, rnd);
      shuffled.put(e.getKey(), l);
    }
    // Round-robin over the classes: every class with two or more groups gives one before any
    // class gives a second, then the larger classes give the rest.
    List<String> out = new ArrayList<>();
    for (int round = 0; out.size() < total; round++) {
      boolean any = false;
      for (List<String> l : shuffled.values()) {
        if (out.size() >= total) break;
        if (l.size() - round >= 2) { // the class keeps at least one group for training
          out.add(l.get(round));
          any = true;
        }
      }
      if (!any) break; // every class is down to its last group, which stays in training
    }
    return out;
  }
}
