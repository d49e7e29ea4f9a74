package org.emoaudionet.workflows.activity;

import org.emoaudionet.workflows.conf.RunConf;

/**
 * @param conf the run's conf; {@link RunConf#importModel()} names the model
 * @param features the run's preprocessed data: the model must predict its task and classes
 * @param mlflowRunId the run the model is logged to as an MLflow logged model (null: not tracked)
 */
public record ImportModelInput(String dagId, String dagRunId, RunConf conf, FeaturesRef features,
    String mlflowRunId) {}
