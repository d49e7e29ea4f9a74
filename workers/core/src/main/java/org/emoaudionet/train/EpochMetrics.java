package org.emoaudionet.train;

/**
 * One finished epoch, as logged to MLflow and drawn in the learning curves.
 *
 * @param valMacroF1 macro-F1 of the validation segments (NaN where not computed)
 */
public record EpochMetrics(
    int epoch,
    double trainLoss,
    double trainAccuracy,
    double valLoss,
    double valAccuracy,
    double learningRate,
    boolean improved,
    double valMacroF1) {
  public EpochMetrics(int epoch, double trainLoss, double trainAccuracy, double valLoss,
      double valAccuracy, double learningRate, boolean improved) {
    this(epoch, trainLoss, trainAccuracy, valLoss, valAccuracy, learningRate, improved, Double.NaN);
  }
}
