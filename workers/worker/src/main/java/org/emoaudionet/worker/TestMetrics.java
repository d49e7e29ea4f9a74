package org.emoaudionet.worker;

import java.util.Map;
import java.util.TreeMap;

/**
 * An evaluation report's scalars under the names they have in MLflow: evaluate logs them so, and
 * promote names the champion's re-scored figure so, so that the policy's metric (say
 * {@code test_f1_macro}) means the same figure for both.
 */
final class TestMetrics {
  private TestMetrics() {}

  /** {@code test_accuracy}, {@code test_ccc}, ...: one {@code test_} prefix, MLflow-safe names. */
  static Map<String, Double> of(Map<String, Double> scalars) {
    Map<String, Double> out = new TreeMap<>();
    scalars.forEach((k, v) -> {
      String name = k.replaceAll("[^A-Za-z0-9_\\-/ ]", "_");
      if (!name.startsWith("test_")) name = "test_" + name.replaceFirst("^test_?", "");
      if (v != null) out.put(name, v);
    });
    return out;
  }
}
