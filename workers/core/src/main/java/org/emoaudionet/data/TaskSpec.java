package org.emoaudionet.data;

import java.util.List;

/**
 * What a model predicts: class names in output order and, for ordinal tasks, the continuous value
 * each class stands for (bin centres), so that a prediction's expected value can be compared with
 * the true continuous target.
 *
 * @param name {@code gender}, {@code arousal}, {@code valence}, {@code phq8_binary},
 *     {@code phq8_score} or {@code label}
 * @param binEdges for binned continuous targets, the {@code classes.size()+1} edges; else null
 */
public record TaskSpec(String name, List<String> classes, double[] binCenters, double[] binEdges) {
  public TaskSpec {
    classes = List.copyOf(classes);
  }

  public boolean ordinal() {
    return binCenters != null;
  }

  public int numClasses() {
    return classes.size();
  }

  public static TaskSpec categorical(String name, List<String> classes) {
    return new TaskSpec(name, classes, null, null);
  }

  /** {@code bins} equal bins over [lo, hi]; class names are the bin indices. */
  public static TaskSpec binned(String name, double lo, double hi, int bins) {
    double[] edges = new double[bins + 1];
    double[] centres = new double[bins];
    String[] names = new String[bins];
    for (int i = 0; i <= bins; i++) edges[i] = lo + (hi - lo) * i / bins;
    for (int i = 0; i < bins; i++) {
      centres[i] = (edges[i] + edges[i + 1]) / 2;
      names[i] = String.valueOf(i);
    }
    return new TaskSpec(name, List.of(names), centres, edges);
  }

  /** Integer scores lo..hi, each its own class (PHQ-8 score 0..24). */
  public static TaskSpec integerScale(String name, int lo, int hi) {
    int n = hi - lo + 1;
    double[] centres = new double[n];
    String[] names = new String[n];
    for (int i = 0; i < n; i++) {
      centres[i] = lo + i;
      names[i] = String.valueOf(lo + i);
    }
    return new TaskSpec(name, List.of(names), centres, null);
  }

  /** Class index of a continuous value (binned or integer scale). */
  public int classOf(double value) {
    if (binEdges != null) {
      int k = (int) Math.floor((value - binEdges[0]) / (binEdges[binEdges.length - 1] - binEdges[0]) * classes.size());
      return Math.max(0, Math.min(classes.size() - 1, k));
    }
    if (binCenters != null) {
      int best = 0;
      for (int i = 1; i < binCenters.length; i++) {
        if (Math.abs(binCenters[i] - value) < Math.abs(binCenters[best] - value)) best = i;
      }
      return best;
    }
    throw new IllegalStateException("task " + name + " is not ordinal");
  }

  public int classOf(String category) {
    int i = classes.indexOf(category);
    if (i < 0) {
      throw new IllegalArgumentException(
          "label '" + category + "' is not a class of task " + name + " " + classes);
    }
    return i;
  }
}
