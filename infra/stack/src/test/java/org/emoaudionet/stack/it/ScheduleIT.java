package org.emoaudionet.stack.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.emoaudionet.stack.ApiClient;
import org.emoaudionet.stack.Stack;
import org.emoaudionet.stack.TemporalMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A DAG file with a one-minute schedule, in an EMO_DAGS_FOLDER, runs by itself on the embedded
 * stack (a {@code scheduled__<fire time>} run that succeeds) and stops when paused.
 */
class ScheduleIT {
  static final String DAG = "minutely_manifest";

  @TempDir Path tmp;

  @Test
  void aOneMinuteScheduleRunsByItselfAndStopsWhenPaused() throws Exception {
    Path root = PlatformFixture.repoRoot();
    PlatformFixture.requireBuilt(root);
    Path data = PlatformFixture.tinyManifest(root, PlatformFixture.dataDir(tmp.resolve("home")), 4);
    Path dags = Files.createDirectories(tmp.resolve("dags"));
    Files.writeString(dags.resolve("minutely.yaml"), """
        dag_id: minutely_manifest
        description: The tiny manifest sample, retrained every minute
        tags: [manifest, it]
        task: label
        layout: manifest
        preset: small
        dataset_uri: %s
        default_conf: {epochs: 1, augment: false}
        schedule: "* * * * *"
        """.formatted(data.toAbsolutePath()));
    var config = PlatformFixture.config(root, tmp.resolve("home"), true).withDagsFolder(dags);
    try (Stack stack = PlatformFixture.start(config)) {
      ApiClient api = stack.apiClient();
      JsonNode dag = api.dag(DAG);
      assertFalse(dag.path("is_paused").asBoolean(), dag.toString());
      assertEquals("* * * * *", dag.path("timetable_summary").asText());
      Instant next = Instant.parse(dag.path("next_dagrun_logical_date").asText());
      assertEquals(0, next.getEpochSecond() % 60, "a whole minute: " + next);
      String apiLog = Files.readString(config.logs().resolve("api.log"));
      if (config.temporalMode() == TemporalMode.JAVA) {
        assertTrue(apiLog.contains("does not implement Schedules"), "start-up says which mechanism");
      } else {
        // a server with Schedules (EMO_TEMPORAL=dev) gets a real Temporal Schedule, no cron workflow
        assertTrue(apiLog.contains("Temporal Schedule emo-dag-" + DAG + " created"), apiLog);
        assertFalse(apiLog.contains("does not implement Schedules"), apiLog);
      }

      // The first fire comes within a minute; the run it starts is named by its fire time.
      JsonNode first = awaitScheduledRun(api, Duration.ofSeconds(100));
      String runId = first.path("dag_run_id").asText();
      System.out.println("schedule: first run " + first);
      assertTrue(runId.matches("scheduled__\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:00\\+00:00"), runId);
      assertEquals("timetable", first.path("triggered_by").asText());
      Instant logical = Instant.parse(first.path("logical_date").asText());
      assertEquals(runId.substring("scheduled__".length()), java.time.format.DateTimeFormatter
          .ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx").withZone(java.time.ZoneOffset.UTC).format(logical));
      JsonNode done = api.await(DAG, runId, Duration.ofMinutes(3),
          p -> System.out.println("schedule: " + p.line()));
      assertEquals("success", done.path("state").asText(), done.toString());

      JsonNode paused = api.setPaused(DAG, true);
      assertTrue(paused.path("is_paused").asBoolean(), paused.toString());
      Set<String> atPause = runIds(api);
      System.out.println("schedule: paused with runs " + atPause);
      Thread.sleep(Duration.ofSeconds(70).toMillis());
      assertEquals(atPause, runIds(api), "no scheduled run starts while the DAG is paused");
      JsonNode after = api.dag(DAG);
      assertTrue(after.path("is_paused").asBoolean());
      assertTrue(after.path("next_dagrun_logical_date").isNull(), after.toString());
      assertTrue(after.path("next_dagrun_run_after").isNull(), after.toString());
    }
  }

  private static JsonNode awaitScheduledRun(ApiClient api, Duration timeout) throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      Optional<JsonNode> run = api.dagRuns(DAG, 20).stream()
          .filter(r -> "scheduled".equals(r.path("run_type").asText())).findFirst();
      if (run.isPresent()) return run.get();
      Thread.sleep(1000);
    }
    throw new AssertionError("no scheduled run of " + DAG + " within " + timeout + ": "
        + api.dagRuns(DAG, 20));
  }

  private static Set<String> runIds(ApiClient api) {
    List<JsonNode> runs = api.dagRuns(DAG, 100);
    return runs.stream().map(r -> r.path("dag_run_id").asText()).collect(Collectors.toSet());
  }
}
