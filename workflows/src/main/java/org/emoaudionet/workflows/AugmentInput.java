package org.emoaudionet.workflows;

/** Add noisy and pitch-shifted copies of the training segments of {@code prepared}. */
public record AugmentInput(String dagId, String dagRunId, RunConf conf, DatasetRef dataset,
    FeaturesRef prepared) {}
