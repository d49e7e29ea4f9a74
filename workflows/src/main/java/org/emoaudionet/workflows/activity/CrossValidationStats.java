package org.emoaudionet.workflows.activity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The figures of a cross-validation: for every test metric {@code m} the folds reported, its
 * mean {@code cv.mean.m} and population standard deviation {@code cv.std.m} over the folds
 * where it is a finite number, and each fold's value {@code cv.fold_<i>.m}. Pure and
 * deterministic, so the workflow computes it.
 */
public final class CrossValidationStats {
  private CrossValidationStats() {}

  public static final String MEAN = "cv.mean.";
  public static final String STD = "cv.std.";

  public static String foldPrefix(int fold) {
    return "cv.fold_" + fold + ".";
  }

  /** @param perFold each fold's test metrics, in fold order */
  public static Map<String, Double> summarize(List<Map<String, Double>> perFold) {
    Map<String, Double> out = new TreeMap<>();
    TreeSet<String> names = new TreeSet<>();
    for (Map<String, Double> m : perFold) names.addAll(m.keySet());
    for (String name : names) {
      List<Double> values = new ArrayList<>();
      for (int i = 0; i < perFold.size(); i++) {
        Double v = perFold.get(i).get(name);
        if (v == null) continue;
        out.put(foldPrefix(i) + name, v);
        if (!v.isNaN() && !v.isInfinite()) values.add(v);
      }
      if (values.isEmpty()) continue;
      double mean = 0;
      for (double v : values) mean += v;
      mean /= values.size();
      double var = 0;
      for (double v : values) var += (v - mean) * (v - mean);
      out.put(MEAN + name, mean);
      out.put(STD + name, Math.sqrt(var / values.size()));
    }
    return out;
  }

  /** {@code 0.612 ± 0.043} lines of the mean figures, for the task log. */
  public static String describe(Map<String, Double> stats) {
    StringBuilder sb = new StringBuilder();
    stats.forEach((k, v) -> {
      if (k.startsWith(MEAN)) {
        String name = k.substring(MEAN.length());
        sb.append(String.format(java.util.Locale.ROOT, "%s: %.4f \u00b1 %.4f%n", name, v,
            stats.getOrDefault(STD + name, Double.NaN)));
      }
    });
    return sb.toString();
  }
}
