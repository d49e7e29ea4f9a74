package org.emoaudionet.workflows.activity;

import org.emoaudionet.workflows.conf.RunConf;

/** Score the trained model on the TEST split of {@code features}. */
public record EvaluateInput(String dagId, String dagRunId, RunConf conf, FeaturesRef features,
    TrainOutput trained, boolean participantLevel, String mlflowRunId) {}
