package org.emoaudionet.worker;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.testing.TestActivityEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.emoaudionet.workflows.activity.CrossValidationActivity;
import org.emoaudionet.workflows.activity.CrossValidationInput;
import org.emoaudionet.workflows.activity.CrossValidationStats;
import org.emoaudionet.workflows.activity.CrossValidationSummary;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cross-validation summary task: cv.json in S3 (S3Proxy), its log; MLflow is not asked without a run id. */
class CrossValidationActivityTest {
  static S3ProxyFixture s3;
  static TestActivityEnvironment env;
  static WorkerContext ctx;
  @TempDir static Path tmp;

  @BeforeAll
  static void start() throws Exception {
    s3 = new S3ProxyFixture();
    WorkerConfig c = WorkerConfig.fromEnv(Map.of("EMO_S3_ENDPOINT", s3.endpoint,
        "EMO_S3_ACCESS_KEY", S3ProxyFixture.ACCESS, "EMO_S3_SECRET_KEY", S3ProxyFixture.SECRET,
        "EMO_WORK_DIR", tmp.resolve("work").toString()));
    ctx = new WorkerContext(c, ArtifactStore.from(c), new MlflowTracker("http://127.0.0.1:9"));
    env = TestActivityEnvironment.newInstance();
    env.registerActivitiesImplementations(new CrossValidationActivityImpl(ctx));
  }

  @AfterAll
  static void stop() throws Exception {
    env.close();
    s3.close();
  }

  @Test
  void writesEveryFoldsFiguresTheirMeanAndStdToCvJson() throws Exception {
    List<Map<String, Double>> perFold = List.of(
        Map.of("test_recording_f1_macro", 0.30, "test_accuracy", 0.5),
        Map.of("test_recording_f1_macro", 0.50, "test_accuracy", 0.7));
    List<CrossValidationInput.FoldResult> folds = List.of(
        new CrossValidationInput.FoldResult(0, "d/r/fold-0", "r-fold-0", "m0", "s3://emo/runs/d/r-fold-0/metrics.json", perFold.get(0)),
        new CrossValidationInput.FoldResult(1, "d/r/fold-1", "r-fold-1", "m1", "s3://emo/runs/d/r-fold-1/metrics.json", perFold.get(1)));
    Map<String, Double> stats = CrossValidationStats.summarize(perFold);
    CrossValidationActivity act = env.newActivityStub(CrossValidationActivity.class,
        ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofMinutes(1))
            .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(1).build()).build());
    CrossValidationSummary out = act.summarize(new CrossValidationInput("d", "r", null, folds, stats));

    assertEquals("s3://emo/runs/d/r/cv.json", out.summaryUri());
    assertEquals(stats, out.metrics());
    assertTrue(out.log().contains("2-fold cross-validation")
        && out.log().contains("test_recording_f1_macro: 0.4000 \u00b1 0.1000"), out.log());
    Path local = tmp.resolve("cv.json");
    ctx.store.getFile("runs/d/r/cv.json", local);
    JsonNode cv = new ObjectMapper().readTree(Files.readString(local));
    assertEquals(2, cv.get("folds").asInt());
    JsonNode f1 = cv.get("metrics").get("test_recording_f1_macro");
    assertEquals(0.4, f1.get("mean").asDouble(), 1e-12);
    assertEquals(0.1, f1.get("std").asDouble(), 1e-12);
    assertEquals(0.3, f1.get("per_fold").get(0).asDouble(), 1e-12);
    assertEquals(0.5, f1.get("per_fold").get(1).asDouble(), 1e-12);
    assertEquals("m1", cv.get("fold_runs").get(1).get("mlflow_run_id").asText());
    assertEquals("d/r/fold-0", cv.get("fold_runs").get(0).get("workflow_id").asText());
  }
}
