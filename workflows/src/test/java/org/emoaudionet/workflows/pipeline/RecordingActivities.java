package org.emoaudionet.workflows.pipeline;

import io.temporal.activity.Activity;
import io.temporal.failure.ApplicationFailure;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.emoaudionet.workflows.activity.AugmentActivity;
import org.emoaudionet.workflows.activity.AugmentInput;
import org.emoaudionet.workflows.activity.CrossValidationActivity;
import org.emoaudionet.workflows.activity.CrossValidationInput;
import org.emoaudionet.workflows.activity.CrossValidationStats;
import org.emoaudionet.workflows.activity.CrossValidationSummary;
import org.emoaudionet.workflows.activity.DatasetRef;
import org.emoaudionet.workflows.activity.DownloadActivity;
import org.emoaudionet.workflows.activity.DownloadInput;
import org.emoaudionet.workflows.activity.EndRunInput;
import org.emoaudionet.workflows.activity.EpochSummary;
import org.emoaudionet.workflows.activity.EvaluateActivity;
import org.emoaudionet.workflows.activity.EvaluateInput;
import org.emoaudionet.workflows.activity.EvaluateOutput;
import org.emoaudionet.workflows.activity.FeaturesRef;
import org.emoaudionet.workflows.activity.PreprocessActivity;
import org.emoaudionet.workflows.activity.PreprocessInput;
import org.emoaudionet.workflows.activity.PromoteActivity;
import org.emoaudionet.workflows.activity.PromoteInput;
import org.emoaudionet.workflows.activity.PromoteOutput;
import org.emoaudionet.workflows.activity.RegisterActivity;
import org.emoaudionet.workflows.activity.RegisterInput;
import org.emoaudionet.workflows.activity.RegisterOutput;
import org.emoaudionet.workflows.activity.StartRunInput;
import org.emoaudionet.workflows.activity.TrackingActivities;
import org.emoaudionet.workflows.activity.TrackingRun;
import org.emoaudionet.workflows.activity.TrainActivity;
import org.emoaudionet.workflows.activity.TrainInput;
import org.emoaudionet.workflows.activity.TrainOutput;

/**
 * Test double of every activity: records the calls in order and fails where told. It stands in
 * for the activities only, to test the workflow's own logic; the real activities are tested
 * against real servers in emo-worker.
 */
class RecordingActivities implements TrackingActivities, DownloadActivity, PreprocessActivity,
    AugmentActivity, TrainActivity, EvaluateActivity, RegisterActivity, PromoteActivity,
    CrossValidationActivity {
  final List<String> calls = new CopyOnWriteArrayList<>();
  final List<EndRunInput> ended = new CopyOnWriteArrayList<>();
  volatile String failTask;
  volatile boolean failRetryable;
  volatile int trainFailuresBeforeSuccess;
  volatile TrainInput lastTrain;
  volatile PromoteInput lastPromote;
  /** Cross-validation: the fold whose train fails (bad input), or -1. */
  volatile int failFold = -1;
  final List<StartRunInput> started = new CopyOnWriteArrayList<>();
  final List<TrainInput> trains = new CopyOnWriteArrayList<>();
  final List<PreprocessInput> preprocesses = new CopyOnWriteArrayList<>();
  volatile CrossValidationInput lastCrossValidation;

  private int attempt() {
    return Activity.getExecutionContext().getInfo().getAttempt();
  }

  private void maybeFail(String task) {
    if (task.equals(failTask)) {
      if (failRetryable) throw ApplicationFailure.newFailure("flaky " + task, "java.io.IOException");
      throw ApplicationFailure.newNonRetryableFailure("bad input for " + task,
          "java.lang.IllegalArgumentException", attempt());
    }
  }

  @Override
  public TrackingRun startRun(StartRunInput in) {
    calls.add("startRun");
    started.add(in);
    return new TrackingRun("1", "mlflow-run-" + in.dagRunId());
  }

  @Override
  public void endRun(EndRunInput in) {
    calls.add("endRun:" + in.status());
    ended.add(in);
  }

  @Override
  public DatasetRef download(DownloadInput in) {
    calls.add("download");
    maybeFail("download");
    return new DatasetRef("datasets/sha256-d.tar.gz", "s3://emo/datasets/sha256-d.tar.gz", "d", 1,
        false, "stored", attempt());
  }

  @Override
  public FeaturesRef preprocess(PreprocessInput in) {
    calls.add("preprocess");
    preprocesses.add(in);
    maybeFail("preprocess");
    return new FeaturesRef("cache/preprocess/p.emof", "s3://emo/cache/preprocess/p.emof", "p",
        true, 10, "cache hit: cache/preprocess/p.emof", attempt());
  }

  @Override
  public FeaturesRef augment(AugmentInput in) {
    calls.add("augment");
    maybeFail("augment");
    return new FeaturesRef("cache/augment/a.emof", "s3://emo/cache/augment/a.emof", "a", false, 20,
        "augmented", attempt());
  }

  @Override
  public TrainOutput train(TrainInput in) {
    calls.add("train");
    lastTrain = in;
    trains.add(in);
    maybeFail("train");
    if (in.conf().fold() != null && in.conf().fold() == failFold) {
      throw ApplicationFailure.newNonRetryableFailure("fold " + failFold + " has one class only",
          "java.lang.IllegalArgumentException", attempt());
    }
    if (attempt() <= trainFailuresBeforeSuccess) {
      throw ApplicationFailure.newFailure("worker lost", "java.io.IOException");
    }
    return new TrainOutput("runs/d/r/model.tar.gz", "s3://emo/runs/d/r/model.tar.gz",
        List.of(new EpochSummary(1, 1.0, 0.5, 1.1, 0.4, 1e-3, true)), 1, 0.4, 0, "trained",
        attempt());
  }

  @Override
  public EvaluateOutput evaluate(EvaluateInput in) {
    calls.add("evaluate");
    maybeFail("evaluate");
    if (in.conf().fold() != null) {
      // a fold's figures: fold i scores 0.1 * (i + 1), files 0.2 * (i + 1)
      int i = in.conf().fold();
      return new EvaluateOutput(Map.of("test_accuracy", 0.1 * (i + 1),
          "test_recording_f1_macro", 0.2 * (i + 1)),
          "s3://emo/runs/" + in.dagId() + "/" + in.dagRunId() + "/metrics.json", List.of(),
          "evaluated fold " + i, attempt());
    }
    return new EvaluateOutput(Map.of("test_accuracy", 0.5), "s3://emo/runs/d/r/metrics.json",
        List.of("s3://emo/runs/d/r/metrics.json"), "evaluated", attempt());
  }

  @Override
  public RegisterOutput register(RegisterInput in) {
    calls.add("register");
    maybeFail("register");
    return new RegisterOutput("emoaudionet-" + in.dagId(), "3", "registered", attempt());
  }

  @Override
  public PromoteOutput promote(PromoteInput in) {
    calls.add("promote");
    lastPromote = in;
    maybeFail("promote");
    return new PromoteOutput(PromoteOutput.PROMOTED, in.candidateVersion(), "2",
        in.policy().metric(), 0.5, 0.25, "version 3 beats version 2", "s3://emo/runs/d/r/promotion.json",
        "promoted", attempt());
  }

  @Override
  public CrossValidationSummary summarize(CrossValidationInput in) {
    calls.add("summarize");
    lastCrossValidation = in;
    return new CrossValidationSummary(in.metrics(),
        "s3://emo/runs/" + in.dagId() + "/" + in.dagRunId() + "/cv.json",
        CrossValidationStats.describe(in.metrics()), attempt());
  }
}
