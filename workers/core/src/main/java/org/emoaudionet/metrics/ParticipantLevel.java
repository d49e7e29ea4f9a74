package org.emoaudionet.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.emoaudionet.features.SegmentLabels;

/**
 * Recording-level (DAIC-WOZ: participant-level) scores: the mean of a recording's segment
 * probabilities is its prediction; its true class is its segments' most frequent class (all the
 * same for a recording label) and its true value their mean target.
 */
public record ParticipantLevel(List<String> recordingIds, float[][] probabilities, int[] truth, double[] targets) {

  public static ParticipantLevel aggregate(List<? extends SegmentLabels> segments, float[][] probabilities) {
    if (segments.size() != probabilities.length) {
      throw new IllegalArgumentException(segments.size() + " segments but " + probabilities.length
          + " probability rows");
    }
    Map<String, List<Integer>> byRecording = new LinkedHashMap<>();
    for (int i = 0; i < segments.size(); i++) {
      byRecording.computeIfAbsent(segments.get(i).recordingId(), k -> new ArrayList<>()).add(i);
    }
    int n = byRecording.size();
    List<String> ids = new ArrayList<>(byRecording.keySet());
    float[][] probs = new float[n][];
    int[] truth = new int[n];
    double[] targets = new double[n];
    int r = 0;
    for (List<Integer> idx : byRecording.values()) {
      int k = probabilities[idx.get(0)].length;
      double[] sum = new double[k];
      Map<Integer, Integer> classCounts = new TreeMap<>();
      double targetSum = 0;
      int targetN = 0;
      for (int i : idx) {
        for (int j = 0; j < k; j++) sum[j] += probabilities[i][j];
        classCounts.merge(segments.get(i).classIndex(), 1, Integer::sum);
        double t = segments.get(i).target();
        if (Double.isFinite(t)) {
          targetSum += t;
          targetN++;
        }
      }
      probs[r] = new float[k];
      for (int j = 0; j < k; j++) probs[r][j] = (float) (sum[j] / idx.size());
      int best = -1;
      for (var e : classCounts.entrySet()) {
        if (best < 0 || e.getValue() > classCounts.get(best)) best = e.getKey();
      }
      truth[r] = best;
      targets[r] = targetN == 0 ? Double.NaN : targetSum / targetN;
      r++;
    }
    return new ParticipantLevel(List.copyOf(ids), probs, truth, targets);
  }
}
