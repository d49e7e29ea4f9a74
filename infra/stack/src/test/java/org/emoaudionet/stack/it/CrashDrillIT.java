package org.emoaudionet.stack.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.minio.StatObjectArgs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.emoaudionet.mlflow.MlflowClient;
import org.emoaudionet.stack.ApiClient;
import org.emoaudionet.stack.Stack;
import org.emoaudionet.stack.StackConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The crash drill: runs finish after any single process crash, with no hand work. Three
 * concurrent runs while the worker is SIGKILLed twice and the API once, at random points (the
 * seed is printed; {@code -Demo.drill.seed=N} replays one); and a whole-stack restart mid-run.
 * Each run ends {@code success} with exactly one MLflow run, FINISHED, and its S3 objects whole.
 * On the Temporal dev server (the default): the Java test server forgets runs on restart.
 */
class CrashDrillIT {
  static final String DAG = "audio_manifest_classification";
  static final List<String> OBJECTS = List.of("model.tar.gz", "metrics.json", "promotion.json");

  @TempDir Path tmp;

  @Test
  void threeConcurrentRunsSurviveTwoWorkerKillsAndAnApiKill() throws Exception {
    Path root = PlatformFixture.repoRoot();
    PlatformFixture.requireBuilt(root);
    long seed = Long.getLong("emo.drill.seed", System.nanoTime() % 1_000_000);
    Random rnd = new Random(seed);
    System.out.println("drill: seed " + seed + " (replay with -Demo.drill.seed=" + seed + ")");
    Path data = PlatformFixture.tinyManifest(root, PlatformFixture.dataDir(tmp.resolve("home")), 4);
    Path home = tmp.resolve("home");
    try (Stack stack = PlatformFixture.start(PlatformFixture.config(root, home, true))) {
      ApiClient api = stack.apiClient();
      List<String> runs = List.of("drill__1", "drill__2", "drill__3");
      Map<String, Object> conf = conf(data);
      conf.put("epochs", 8); // long enough that the three kills land while the runs are open
      for (String id : runs) api.trigger(DAG, conf, id);
      long t0 = System.nanoTime();

      List<String> victims = new ArrayList<>(List.of("worker", "worker", "api"));
      Collections.shuffle(victims, rnd);
      for (String victim : victims) {
        Thread.sleep(3_000 + rnd.nextInt(22_000));
        String before = states(api, runs);
        long pid = killFromPidFile(home, victim);
        System.out.printf("drill: [%3ds] SIGKILL %s (pid %d) with %s%n",
            (System.nanoTime() - t0) / 1_000_000_000L, victim, pid, before);
        awaitRestarted(home, victim, pid);
      }
      for (String id : runs) {
        JsonNode fin = awaitTolerant(api, id, Duration.ofMinutes(25));
        assertEquals("success", fin.path("state").asText(), id + ": " + fin + "\ntasks "
            + api.taskInstances(DAG, id));
      }
      System.out.printf("drill: all %d runs succeeded after %d s%n", runs.size(),
          (System.nanoTime() - t0) / 1_000_000_000L);
      for (String id : runs) assertCompleteOnce(stack, id);
    }
  }

  @Test
  void aStackRestartMidRunStillFinishesTheRun() throws Exception {
    Path root = PlatformFixture.repoRoot();
    PlatformFixture.requireBuilt(root);
    Path data = PlatformFixture.tinyManifest(root, PlatformFixture.dataDir(tmp.resolve("home")), 4);
    StackConfig config = PlatformFixture.config(root, tmp.resolve("home"), true);
    assumeTrue(!config.temporalMode().name().equals("JAVA"),
        "the Java test server forgets every run on restart: this drill needs the dev server");
    String id = "drill__restart";
    try (Stack first = PlatformFixture.start(config)) {
      ApiClient api = first.apiClient();
      Map<String, Object> conf = conf(data);
      conf.put("epochs", 12);
      api.trigger(DAG, conf, id);
      // Stopped as soon as a worker has begun the run (a task past "none"): with 12 epochs to
      // train, that is well before its end, and the run must not have ended yet.
      long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
      while (!begun(api, id)) {
        assertTrue(System.nanoTime() < deadline, "run never began: " + states(api, List.of(id)));
        Thread.sleep(500);
      }
      String at = states(api, List.of(id));
      assertTrue(!ApiClient.FINAL_STATES.contains(api.dagRun(DAG, id).path("state").asText()),
          "the run ended before the stack could be stopped mid-run: " + at);
      System.out.println("drill: stopping the whole stack mid-run: " + at);
    }
    try (Stack second = PlatformFixture.start(config)) {
      ApiClient api = second.apiClient();
      assertTrue(api.dagRuns(DAG, 100).stream()
          .anyMatch(r -> id.equals(r.path("dag_run_id").asText())), "run forgotten on restart");
      JsonNode fin = awaitTolerant(api, id, Duration.ofMinutes(20));
      assertEquals("success", fin.path("state").asText(), fin + "\ntasks "
          + api.taskInstances(DAG, id));
      assertCompleteOnce(second, id);
    }
  }

  private static Map<String, Object> conf(Path data) {
    Map<String, Object> conf = new LinkedHashMap<>();
    conf.put("dataset_uri", data.toString());
    conf.put("preset", "small");
    conf.put("epochs", 3);
    conf.put("augment", false);
    return conf;
  }

  /** Exactly one MLflow run of the DAG run, FINISHED, and its S3 objects there and not empty. */
  private static void assertCompleteOnce(Stack stack, String id) throws Exception {
    MlflowClient mlflow = stack.mlflow();
    String exp = mlflow.tracking().experimentIdByName(DAG).orElseThrow();
    List<JsonNode> mruns = mlflow.tracking().runsNamed(exp, id, 100);
    assertEquals(1, mruns.size(), "MLflow runs named " + id + ": " + mruns);
    assertEquals("FINISHED", mruns.get(0).path("info").path("status").asText(), id);
    for (String key : OBJECTS) {
      String object = "runs/" + DAG + "/" + id + "/" + key;
      long size = stack.s3().client().statObject(StatObjectArgs.builder()
          .bucket(stack.config().bucket()).object(object).build()).size();
      assertTrue(size > 0, object + " is empty");
    }
  }

  private static long killFromPidFile(Path home, String name) throws Exception {
    long pid = Long.parseLong(Files.readAllLines(home.resolve("run/" + name + ".pid")).get(0).trim());
    ProcessHandle h = ProcessHandle.of(pid).orElseThrow(() -> new AssertionError(name + " not running"));
    h.descendants().forEach(ProcessHandle::destroyForcibly);
    h.destroyForcibly();
    h.onExit().get();
    return pid;
  }

  /** The stack's supervisor restarts a crashed child: wait for its new pid. */
  private static void awaitRestarted(Path home, String name, long oldPid) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    Path f = home.resolve("run/" + name + ".pid");
    while (System.nanoTime() < deadline) {
      if (Files.exists(f)) {
        List<String> lines = Files.readAllLines(f);
        if (!lines.isEmpty() && !lines.get(0).isBlank()) {
          long pid = Long.parseLong(lines.get(0).trim());
          if (pid != oldPid && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) return;
        }
      }
      Thread.sleep(200);
    }
    throw new AssertionError(name + " was not restarted within 60 s");
  }

  /** Polls a run to its end, riding out the seconds in which the API itself is restarting. */
  private static JsonNode awaitTolerant(ApiClient api, String id, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    String last = "?";
    while (System.nanoTime() < deadline) {
      try {
        JsonNode run = api.dagRun(DAG, id);
        last = run.path("state").asText();
        if (ApiClient.FINAL_STATES.contains(last)) return run;
      } catch (RuntimeException apiDown) {
        last = "API unreachable: " + apiDown.getMessage();
      }
      Thread.sleep(2000);
    }
    throw new AssertionError(id + " not final after " + timeout.toMinutes() + " min (" + last + ")");
  }

  /** Whether some task of the run has been picked up by a worker. */
  private static boolean begun(ApiClient api, String id) {
    try {
      return api.taskInstances(DAG, id).stream().map(t -> t.path("state"))
          .anyMatch(s -> !s.isNull() && !s.asText("none").equals("none")
              && !s.asText().equals("scheduled") && !s.asText().equals("queued"));
    } catch (RuntimeException apiDown) {
      return false;
    }
  }

  private static String states(ApiClient api, List<String> runs) {
    StringBuilder b = new StringBuilder();
    for (String id : runs) {
      try {
        b.append(new ApiClient.Progress(api.dagRun(DAG, id), api.taskInstances(DAG, id)).line());
      } catch (RuntimeException apiDown) {
        b.append(id).append(" (API unreachable)");
      }
      b.append("; ");
    }
    return b.toString();
  }
}
