package org.emoaudionet.workflows.activity;

import io.temporal.activity.ActivityInterface;

/** Bookkeeping around a DAG run (queue emo-cpu): its MLflow run is opened first and always closed. */
@ActivityInterface
public interface TrackingActivities {
  TrackingRun startRun(StartRunInput input);

  void endRun(EndRunInput input);
}
