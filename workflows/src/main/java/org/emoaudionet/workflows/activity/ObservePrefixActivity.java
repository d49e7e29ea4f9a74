package org.emoaudionet.workflows.activity;

import io.temporal.activity.ActivityInterface;

/** The data trigger's eyes (queue emo-cpu): list an S3 prefix and read the DAG's pause state. */
@ActivityInterface
public interface ObservePrefixActivity {
  PrefixSnapshot observe(ObservePrefixInput input);
}
