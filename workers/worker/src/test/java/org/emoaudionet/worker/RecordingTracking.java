package org.emoaudionet.worker;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.emoaudionet.workflows.activity.EndRunInput;
import org.emoaudionet.workflows.activity.StartRunInput;
import org.emoaudionet.workflows.activity.TrackingActivities;
import org.emoaudionet.workflows.activity.TrackingRun;

/**
 * Stands in for the MLflow bookkeeping where a test is about the data tasks (MlflowTracker is
 * tested against a real MLflow server in MlflowTrackerTest and PipelineEndToEndTest).
 */
final class RecordingTracking implements TrackingActivities {
  final List<EndRunInput> ended = new CopyOnWriteArrayList<>();

  @Override
  public TrackingRun startRun(StartRunInput in) {
    return new TrackingRun("0", "run-" + in.dagRunId());
  }

  @Override
  public void endRun(EndRunInput in) {
    ended.add(in);
  }
}
