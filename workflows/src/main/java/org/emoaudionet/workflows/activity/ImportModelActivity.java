package org.emoaudionet.workflows.activity;

import io.temporal.activity.ActivityInterface;

/**
 * Task {@code train} of a run whose conf names {@code import_model}: fetches that model, checks
 * that it predicts this data set's task with this preset's inputs, and stores it as the run's
 * model exactly where and how {@link TrainActivity} stores one it trained (queue emo-gpu: it
 * opens the model with the DJL engines, as evaluate does).
 */
@ActivityInterface
public interface ImportModelActivity {
  TrainOutput importModel(ImportModelInput input);
}
