package org.emoaudionet.train;

/** One finished epoch, as logged to MLflow and drawn in the learning curves. */
public record EpochMetrics(
    int epoch,
    double trainLoss,
    double trainAccuracy,
    double valLoss,
    double valAccuracy,
    double learningRate,
    boolean improved) {}
