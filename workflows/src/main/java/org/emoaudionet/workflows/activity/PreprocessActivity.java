package org.emoaudionet.workflows.activity;

import io.temporal.activity.ActivityInterface;

/** Task {@code preprocess} (queue emo-cpu): data set to segment features, cached by input digest, config and code version. */
@ActivityInterface
public interface PreprocessActivity {
  FeaturesRef preprocess(PreprocessInput input);
}
