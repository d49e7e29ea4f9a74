package org.emoaudionet.metrics;

import org.emoaudionet.data.TaskSpec;

/**
 * Agreement between true continuous values and predictions: Pearson's r (the paper's "CC"), RMSE,
 * MAE and Lin's concordance correlation coefficient (AVEC's measure),
 * {@code CCC = 2 cov(x, y) / (var x + var y + (mean x - mean y)^2)}, all with population (1/n)
 * moments. A correlation is NaN when one side is constant.
 */
public record OrdinalMetrics(double pearsonCc, double rmse, double mae, double ccc) {

  public static OrdinalMetrics of(double[] truth, double[] predicted) {
    int n = truth.length;
    if (n != predicted.length) {
      throw new IllegalArgumentException(n + " true values but " + predicted.length + " predictions");
    }
    if (n == 0) throw new IllegalArgumentException("no samples to score");
    double mx = 0;
    double my = 0;
    for (int i = 0; i < n; i++) {
      mx += truth[i];
      my += predicted[i];
    }
    mx /= n;
    my /= n;
    double vx = 0;
    double vy = 0;
    double cov = 0;
    double se = 0;
    double ae = 0;
    for (int i = 0; i < n; i++) {
      double dx = truth[i] - mx;
      double dy = predicted[i] - my;
      vx += dx * dx;
      vy += dy * dy;
      cov += dx * dy;
      double e = predicted[i] - truth[i];
      se += e * e;
      ae += Math.abs(e);
    }
    vx /= n;
    vy /= n;
    cov /= n;
    double r = vx > 0 && vy > 0 ? cov / Math.sqrt(vx * vy) : Double.NaN;
    double denom = vx + vy + (mx - my) * (mx - my);
    double ccc = denom > 0 ? 2 * cov / denom : Double.NaN;
    return new OrdinalMetrics(r, Math.sqrt(se / n), ae / n, ccc);
  }

  /** The expected value of each softmax row over the class values. */
  public static double[] expectedValues(float[][] probabilities, double[] classValues) {
    double[] out = new double[probabilities.length];
    for (int i = 0; i < probabilities.length; i++) {
      float[] row = probabilities[i];
      if (row.length != classValues.length) {
        throw new IllegalArgumentException("probability row of " + row.length + " classes, task has "
            + classValues.length);
      }
      double sum = 0;
      double ev = 0;
      for (int j = 0; j < row.length; j++) {
        sum += row[j];
        ev += row[j] * classValues[j];
      }
      // Renormalise: float softmax rows sum to 1 only within rounding.
      out[i] = sum > 0 ? ev / sum : Double.NaN;
    }
    return out;
  }

  /**
   * The continuous value each class stands for, or null when the task has none: bin centres of
   * ordinal tasks, and 0/1 for {@code phq8_binary}, for which the paper reports CC and RMSE too.
   */
  public static double[] classValues(TaskSpec task) {
    if (task.ordinal()) return task.binCenters().clone();
    if (task.name().equals("phq8_binary") && task.classes().equals(java.util.List.of("0", "1"))) {
      return new double[] {0, 1};
    }
    return null;
  }
}
