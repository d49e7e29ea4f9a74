package org.emoaudionet.workflows.activity;

import io.temporal.activity.ActivityInterface;

/** Task {@code train} (queue emo-gpu): heartbeats {@link TrainProgress}, checkpoints every epoch, resumes on retry. */
@ActivityInterface
public interface TrainActivity {
  TrainOutput train(TrainInput input);
}
