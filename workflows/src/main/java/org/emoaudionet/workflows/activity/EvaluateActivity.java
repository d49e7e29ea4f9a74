package org.emoaudionet.workflows.activity;

import io.temporal.activity.ActivityInterface;

/** Task {@code evaluate} (queue emo-gpu): test metrics, confusion matrix and learning curves to S3 and MLflow. */
@ActivityInterface
public interface EvaluateActivity {
  EvaluateOutput evaluate(EvaluateInput input);
}
