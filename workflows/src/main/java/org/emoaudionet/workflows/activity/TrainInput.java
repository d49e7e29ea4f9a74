package org.emoaudionet.workflows.activity;

import org.emoaudionet.workflows.conf.RunConf;

/**
 * @param pretrainedModelKey S3 key of a {@code model.tar.gz} to fine-tune from, or null
 * @param mlflowRunId where per-epoch metrics go (null: not tracked)
 */
public record TrainInput(String dagId, String dagRunId, RunConf conf, FeaturesRef features,
    String pretrainedModelKey, String mlflowRunId) {}
