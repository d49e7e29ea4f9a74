package org.emoaudionet.workflows;

/**
 * @param conf the run's conf; {@link RunConf#importModel()} names the model
 * @param features the run's preprocessed data: the model must predict its task and classes
 * @param mlflowRunId where the model is logged as artifact {@code model} (null: not tracked)
 */
public record ImportModelInput(String dagId, String dagRunId, RunConf conf, FeaturesRef features,
    String mlflowRunId) {}
