package org.emoaudionet.workflows.dag;

import java.util.Set;

/**
 * How a new model version earns the MLflow alias {@code champion}: its {@code metric} on the
 * test set (an MLflow metric name the evaluate task logs, e.g. {@code test_ccc}) must beat the
 * current champion's on the same test set.
 */
public record ChampionPolicy(String metric, boolean higherIsBetter) {
  public static final String ALIAS = "champion";

  private static final Set<String> ORDINAL = Set.of("arousal", "valence", "phq8_score");

  public ChampionPolicy {
    if (metric == null || metric.isBlank()) throw new IllegalArgumentException("champion metric is empty");
  }

  /** CCC for the continuous (binned) targets, as the paper reports them; macro-F1 otherwise. */
  public static ChampionPolicy defaultFor(String task) {
    return ORDINAL.contains(task) ? new ChampionPolicy("test_ccc", true)
        : new ChampionPolicy("test_f1_macro", true);
  }

  /** Whether {@code candidate} strictly beats {@code incumbent}; NaN never wins. */
  public boolean beats(double candidate, double incumbent) {
    if (Double.isNaN(candidate)) return false;
    if (Double.isNaN(incumbent)) return true;
    return higherIsBetter ? candidate > incumbent : candidate < incumbent;
  }
}
