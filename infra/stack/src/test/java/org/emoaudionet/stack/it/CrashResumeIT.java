package org.emoaudionet.stack.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.minio.StatObjectArgs;
import io.minio.errors.ErrorResponseException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.emoaudionet.mlflow.MlflowClient;
import org.emoaudionet.mlflow.Tracking;
import org.emoaudionet.stack.ApiClient;
import org.emoaudionet.stack.ChildProcess;
import org.emoaudionet.stack.Stack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A worker killed with SIGKILL during {@code train}, as soon as a checkpoint is in S3: a new
 * worker picks the task up, resumes from the checkpoint (epoch >= 1) and the run succeeds.
 */
class CrashResumeIT {
  static final String DAG = "audio_manifest_classification";
  static final Pattern RESUMED =
      Pattern.compile("(?i)resum\\w*[^\\n\\d]{0,40}?epoch\\D{0,5}(\\d+)");

  @TempDir Path tmp;

  @Test
  void trainingResumesFromTheS3CheckpointOnANewWorker() throws Exception {
    Path root = PlatformFixture.repoRoot();
    PlatformFixture.requireBuilt(root);
    Path data = PlatformFixture.tinyManifest(root, PlatformFixture.dataDir(tmp.resolve("home")), 6);
    try (Stack stack = PlatformFixture.start(
        PlatformFixture.config(root, tmp.resolve("home"), false))) {
      // The production shape: data/workflow workers and training workers apart. The training
      // worker is the one killed. (Killing the workflow worker too is CrashDrillIT's job; on the
      // Java test server fallback that would hang: it never hands a run whose workflow worker
      // died to another worker, the real server does.)
      ChildProcess cpu = stack.startWorker("worker-cpu", List.of("emo-cpu"));
      stack.awaitWorker(cpu);
      ChildProcess first = stack.startWorker("worker-gpu", List.of("emo-gpu"));
      stack.awaitWorker(first);
      ApiClient api = stack.apiClient();
      Map<String, Object> conf = new LinkedHashMap<>();
      conf.put("dataset_uri", data.toString());
      conf.put("preset", "small");
      conf.put("epochs", 4);
      conf.put("augment", false);
      String runId = api.trigger(DAG, conf, "it__crash").path("dag_run_id").asText();
      String checkpoint = "runs/" + DAG + "/" + runId + "/checkpoints/latest.tar.gz";

      long deadline = System.nanoTime() + Duration.ofMinutes(15).toNanos();
      while (!exists(stack, checkpoint)) {
        String state = api.dagRun(DAG, runId).path("state").asText();
        assertTrue(!ApiClient.FINAL_STATES.contains(state),
            "run ended (" + state + ") before any checkpoint reached S3");
        assertTrue(System.nanoTime() < deadline, "no checkpoint in S3 after 15 min");
        Thread.sleep(100);
      }
      String trainState = api.taskInstances(DAG, runId).stream()
          .filter(t -> "train".equals(t.path("task_id").asText())).findFirst()
          .map(t -> t.path("state").asText()).orElse("?");
      first.killHard();
      System.out.println("crash: killed worker pid " + first.pid() + " with train " + trainState);

      ChildProcess second = stack.startWorker("worker-gpu-2", List.of("emo-gpu"));
      stack.awaitWorker(second);
      JsonNode fin = api.await(DAG, runId, Duration.ofMinutes(20),
          p -> System.out.println("crash: " + p.line()));
      assertEquals("success", fin.path("state").asText(),
          "run " + fin + "\ntasks " + api.taskInstances(DAG, runId));

      JsonNode train = api.taskInstances(DAG, runId).stream()
          .filter(t -> "train".equals(t.path("task_id").asText())).findFirst().orElseThrow();
      int tries = Math.max(1, train.path("try_number").asInt(1));
      int resumedFrom = -1;
      StringBuilder logs = new StringBuilder();
      for (int t = 1; t <= tries; t++) {
        String log = api.taskLog(DAG, runId, "train", t);
        logs.append(log).append('\n');
        resumedFrom = Math.max(resumedFrom, maxResumeEpoch(log));
      }
      MlflowClient mlflow = stack.mlflow();
      JsonNode mrun = mlflow.tracking().runNamed(mlflow.tracking().experimentIdByName(DAG)
          .orElseThrow(), runId)
          .orElseThrow();
      for (Map.Entry<String, String> tag : Tracking.tags(mrun).entrySet()) {
        if (tag.getKey().toLowerCase().contains("resum") && tag.getValue().matches("\\d+")) {
          resumedFrom = Math.max(resumedFrom, Integer.parseInt(tag.getValue()));
        }
      }
      assertTrue(resumedFrom >= 1, "neither the train log nor an MLflow tag says it resumed "
          + "from epoch >= 1; tags " + Tracking.tags(mrun).keySet() + "\nlog:\n" + logs);
    }
  }

  static int maxResumeEpoch(String log) {
    int best = -1;
    Matcher m = RESUMED.matcher(log);
    while (m.find()) {
      best = Math.max(best, Integer.parseInt(m.group(1)));
    }
    return best;
  }

  private static boolean exists(Stack stack, String key) throws Exception {
    try {
      stack.s3().client().statObject(StatObjectArgs.builder().bucket(stack.config().bucket())
          .object(key).build());
      return true;
    } catch (ErrorResponseException e) {
      if ("NoSuchKey".equals(e.errorResponse().code())) {
        return false;
      }
      throw e;
    }
  }

}
