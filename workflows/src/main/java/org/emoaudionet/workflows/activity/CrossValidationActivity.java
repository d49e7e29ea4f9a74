package org.emoaudionet.workflows.activity;

import io.temporal.activity.ActivityInterface;

/** The summary of a cross-validation run over its folds (queue emo-cpu): MLflow and S3. */
@ActivityInterface
public interface CrossValidationActivity {
  CrossValidationSummary summarize(CrossValidationInput input);
}
