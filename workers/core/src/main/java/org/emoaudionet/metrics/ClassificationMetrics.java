package org.emoaudionet.metrics;

import java.util.ArrayList;
import java.util.List;

/**
 * Accuracy, macro-F1, per-class precision/recall/F1/support and the confusion matrix (rows: true
 * class, columns: predicted class, in the task's class order).
 *
 * <p>As scikit-learn's defaults: a precision or recall with a zero denominator is 0, and the
 * macro-F1 averages over the classes present in the truth or the predictions (a bin that never
 * occurs in the test set does not count as a failure).
 */
public record ClassificationMetrics(
    List<String> classes, long[][] confusion, double accuracy, double f1Macro, List<PerClass> perClass) {

  public record PerClass(String name, double precision, double recall, double f1, long support) {}

  public static ClassificationMetrics of(List<String> classes, int[] truth, int[] predicted) {
    if (truth.length != predicted.length) {
      throw new IllegalArgumentException(truth.length + " true labels but " + predicted.length + " predictions");
    }
    if (truth.length == 0) throw new IllegalArgumentException("no samples to score");
    int k = classes.size();
    long[][] cm = new long[k][k];
    long correct = 0;
    for (int i = 0; i < truth.length; i++) {
      check(truth[i], k, "true");
      check(predicted[i], k, "predicted");
      cm[truth[i]][predicted[i]]++;
      if (truth[i] == predicted[i]) correct++;
    }
    List<PerClass> per = new ArrayList<>();
    double f1Sum = 0;
    int present = 0;
    for (int c = 0; c < k; c++) {
      long tp = cm[c][c];
      long support = 0;
      long predictedAs = 0;
      for (int j = 0; j < k; j++) {
        support += cm[c][j];
        predictedAs += cm[j][c];
      }
      double p = predictedAs == 0 ? 0 : (double) tp / predictedAs;
      double r = support == 0 ? 0 : (double) tp / support;
      double f1 = p + r == 0 ? 0 : 2 * p * r / (p + r);
      per.add(new PerClass(classes.get(c), p, r, f1, support));
      if (support > 0 || predictedAs > 0) {
        f1Sum += f1;
        present++;
      }
    }
    return new ClassificationMetrics(List.copyOf(classes), cm, (double) correct / truth.length,
        f1Sum / present, List.copyOf(per));
  }

  /** Index of the largest probability of each row (the first on ties). */
  public static int[] argmax(float[][] probabilities) {
    int[] out = new int[probabilities.length];
    for (int i = 0; i < probabilities.length; i++) {
      float[] row = probabilities[i];
      int best = 0;
      for (int j = 1; j < row.length; j++) if (row[j] > row[best]) best = j;
      out[i] = best;
    }
    return out;
  }

  private static void check(int c, int k, String what) {
    if (c < 0 || c >= k) throw new IllegalArgumentException(what + " class " + c + " outside 0.." + (k - 1));
  }
}
