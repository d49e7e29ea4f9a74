package org.emoaudionet.api;

import io.temporal.activity.Activity;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import org.emoaudionet.workflows.activity.AugmentActivity;
import org.emoaudionet.workflows.activity.AugmentInput;
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
 * TEST DOUBLE of the activities only (no ML, no MLflow, no S3): the real
 * {@code EmoPipelineWorkflowImpl} runs on top of it, so task results travel through the real
 * workflow code. Each result is derived from the input it got, so a downstream task's result
 * shows which upstream result it was given. Every call is appended to
 * {@code <home>/activity-calls.log} as {@code <dag_run_id> <task>}; a file
 * {@code <home>/fail/<dag_run_id>/<task>} fails that task once (not retried: bad input), and
 * {@code <home>/flaky/<dag_run_id>/<task>} fails its first attempt only (retried by Temporal).
 */
public class FakeActivitiesForApiTest implements TrackingActivities, DownloadActivity,
    PreprocessActivity, AugmentActivity, TrainActivity, EvaluateActivity, RegisterActivity,
    PromoteActivity {
  private final Path home;

  public FakeActivitiesForApiTest(Path home) {
    this.home = home;
  }

  private int attempt() {
    return Activity.getExecutionContext().getInfo().getAttempt();
  }

  private synchronized void called(String runId, String task) {
    try {
      Files.writeString(home.resolve("activity-calls.log"), runId + " " + task + "\n",
          StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      Path fail = home.resolve("fail").resolve(runId).resolve(task);
      if (Files.deleteIfExists(fail)) {
        throw ApplicationFailure.newNonRetryableFailure("scripted bad input for " + task,
            "java.lang.IllegalArgumentException", attempt());
      }
      if (Files.exists(home.resolve("flaky").resolve(runId).resolve(task)) && attempt() == 1) {
        throw ApplicationFailure.newFailure("scripted flaky " + task, "java.io.IOException");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public TrackingRun startRun(StartRunInput in) {
    return new TrackingRun("1", "mlflow-" + in.dagRunId());
  }

  @Override
  public void endRun(EndRunInput in) {}

  @Override
  public DatasetRef download(DownloadInput in) {
    called(in.dagRunId(), "download");
    return new DatasetRef("datasets/sha256-" + in.dagRunId() + ".tar.gz",
        "s3://emo/datasets/sha256-" + in.dagRunId() + ".tar.gz", "sha256:" + in.dagRunId(), 1234,
        false, "stored " + in.source(), attempt());
  }

  @Override
  public FeaturesRef preprocess(PreprocessInput in) {
    called(in.dagRunId(), "preprocess");
    String key = "cache/preprocess/" + in.dataset().digest();
    return new FeaturesRef(key, "s3://emo/" + key, in.dataset().digest(), false, 10, "features",
        attempt());
  }

  @Override
  public FeaturesRef augment(AugmentInput in) {
    called(in.dagRunId(), "augment");
    String key = in.prepared().key() + "+augmented";
    return new FeaturesRef(key, "s3://emo/" + key, in.prepared().cacheKey(), false, 20,
        "augmented", attempt());
  }

  @Override
  public TrainOutput train(TrainInput in) {
    called(in.dagRunId(), "train");
    return new TrainOutput("runs/" + in.dagId() + "/" + in.dagRunId() + "/model.tar.gz",
        "s3://emo/models-from/" + in.features().key(),
        List.of(new EpochSummary(1, 1.0, 0.5, 1.1, 0.4, 1e-3, true)), 1, 0.4, 0, "trained",
        attempt());
  }

  @Override
  public EvaluateOutput evaluate(EvaluateInput in) {
    called(in.dagRunId(), "evaluate");
    return new EvaluateOutput(Map.of("test_accuracy", 0.75),
        in.trained().modelUri() + "/metrics.json", List.of(), "evaluated", attempt());
  }

  @Override
  public RegisterOutput register(RegisterInput in) {
    called(in.dagRunId(), "register");
    return new RegisterOutput("emoaudionet-" + in.dagId(), "7", "registered", attempt());
  }

  @Override
  public PromoteOutput promote(PromoteInput in) {
    called(in.dagRunId(), "promote");
    return new PromoteOutput(PromoteOutput.PROMOTED, in.candidateVersion(), null,
        in.policy().metric(), in.candidateMetrics().get("test_accuracy"), null,
        "no champion yet", null, "promoted", attempt());
  }
}
