package org.emoaudionet.workflows.activity;

import org.emoaudionet.workflows.conf.RunConf;

/** Add noisy and pitch-shifted copies of the training segments of {@code prepared}. */
public record AugmentInput(String dagId, String dagRunId, RunConf conf, DatasetRef dataset,
    FeaturesRef prepared) {}
