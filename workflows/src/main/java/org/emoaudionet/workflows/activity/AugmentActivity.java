package org.emoaudionet.workflows.activity;

import io.temporal.activity.ActivityInterface;

/** Task {@code augment} (queue emo-cpu): training-split copies with noise and pitch shifts, cached like preprocess. */
@ActivityInterface
public interface AugmentActivity {
  FeaturesRef augment(AugmentInput input);
}
