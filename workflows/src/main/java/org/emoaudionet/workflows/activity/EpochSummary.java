package org.emoaudionet.workflows.activity;

/** One training epoch as the workflow passes it on (the core's EpochMetrics, without the core). */
public record EpochSummary(int epoch, double trainLoss, double trainAccuracy, double valLoss,
    double valAccuracy, double learningRate, boolean improved) {}
