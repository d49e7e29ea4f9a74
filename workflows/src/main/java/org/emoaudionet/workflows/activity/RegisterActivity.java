package org.emoaudionet.workflows.activity;

import io.temporal.activity.ActivityInterface;

/** Task {@code register} (queue emo-cpu): a new version of MLflow model {@code emoaudionet-<dag_id>}. */
@ActivityInterface
public interface RegisterActivity {
  RegisterOutput register(RegisterInput input);
}
