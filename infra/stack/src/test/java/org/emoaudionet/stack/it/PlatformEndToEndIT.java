package org.emoaudionet.stack.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.minio.StatObjectArgs;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.emoaudionet.mlflow.MlflowClient;
import org.emoaudionet.mlflow.Tracking;
import org.emoaudionet.stack.ApiClient;
import org.emoaudionet.stack.Stack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The platform end to end, as a user drives it: the API triggers audio_manifest_classification on
 * a tiny manifest, a worker runs it, MLflow and S3 hold the results.
 */
class PlatformEndToEndIT {
  static final String DAG = "audio_manifest_classification";

  @TempDir Path tmp;

  /**
   * What {@code ss -ltnp} would show for the stack: every socket its processes (this JVM with
   * S3Proxy, Temporal, MLflow, the API, the worker) listen on is bound to loopback. Not asserted
   * on Temporal's Java test server, which binds all interfaces (the stack says so when used).
   */
  static void assertOnlyLoopbackListeners(Stack stack, Path home) throws Exception {
    if (!Listeners.supported() || stack.config().temporalMode().name().equals("JAVA")) {
      System.out.println("listeners not checked (no /proc, or the Java test server)");
      return;
    }
    List<ProcessHandle> roots = new java.util.ArrayList<>(List.of(ProcessHandle.current()));
    try (var pids = java.nio.file.Files.list(home.resolve("run"))) {
      for (Path f : pids.filter(x -> x.toString().endsWith(".pid")).toList()) {
        long pid = Long.parseLong(java.nio.file.Files.readAllLines(f).get(0).trim());
        ProcessHandle.of(pid).ifPresent(roots::add);
      }
    }
    List<Listeners.Listener> all = Listeners.of(Listeners.tree(roots));
    System.out.println("stack listeners: " + all);
    assertTrue(all.size() >= 5, "expected S3, Temporal (+UI), MLflow and the API: " + all);
    assertTrue(all.stream().allMatch(Listeners.Listener::loopback),
        "listening beyond 127.0.0.1: " + all);
  }

  @Test
  void aManifestRunSucceedsAndLandsInMlflowAndS3() throws Exception {
    Path root = PlatformFixture.repoRoot();
    PlatformFixture.requireBuilt(root);
    Path data = PlatformFixture.tinyManifest(root, PlatformFixture.dataDir(tmp.resolve("home")), 6);
    try (Stack stack = PlatformFixture.start(
        PlatformFixture.config(root, tmp.resolve("home"), true))) {
      ApiClient api = stack.apiClient();
      Map<String, Object> conf = new LinkedHashMap<>();
      conf.put("dataset_uri", data.toString());
      conf.put("preset", "small");
      conf.put("epochs", 2);
      JsonNode run = api.trigger(DAG, conf, "it__e2e");
      String runId = run.path("dag_run_id").asText();
      assertEquals("it__e2e", runId);

      JsonNode fin = api.await(DAG, runId, Duration.ofMinutes(20),
          p -> System.out.println("e2e: " + p.line()));
      List<JsonNode> tasks = api.taskInstances(DAG, runId);
      assertEquals("success", fin.path("state").asText(), "run " + fin + "\ntasks " + tasks);
      assertEquals(List.of("download", "preprocess", "augment", "train", "evaluate", "register",
              "promote"),
          tasks.stream().map(t -> t.path("task_id").asText()).toList());
      tasks.forEach(t -> assertTrue(List.of("success", "skipped")
          .contains(t.path("state").asText()), t.toString()));
      assertOnlyLoopbackListeners(stack, tmp.resolve("home"));

      MlflowClient mlflow = stack.mlflow();
      String exp = mlflow.tracking().experimentIdByName(DAG).orElseThrow(() ->
          new AssertionError("no MLflow experiment " + DAG));
      JsonNode mrun = mlflow.tracking().runNamed(exp, runId).orElseThrow(() ->
          new AssertionError("no MLflow run named " + runId));
      Map<String, Double> metrics = Tracking.metrics(mrun);
      assertTrue(metrics.containsKey("train_loss") && metrics.containsKey("val_accuracy"),
          "per-epoch metrics missing: " + metrics);
      double acc = metrics.getOrDefault("test_accuracy", Double.NaN);
      assertTrue(acc >= 0 && acc <= 1, "test_accuracy " + acc + " in " + metrics);
      Map<String, String> tags = Tracking.tags(mrun);
      // the first version of the DAG's model has no champion to beat
      assertEquals("promoted", tags.get("emo.champion.decision"), "tags " + tags);
      assertTrue(tags.get("emo.champion.reason").startsWith("no champion yet: version "),
          "tags " + tags);
      assertTrue(metrics.containsKey("champion_candidate_" + tags.get("emo.champion.metric")),
          "metrics " + metrics);
      String prefix = "runs/" + DAG + "/" + runId + "/";
      assertEquals("s3://" + stack.config().bucket() + "/" + prefix + "model.tar.gz",
          tags.get("emo.model_uri"), "tags " + tags);
      List<String> artifacts = mlflow.artifacts().listFiles(mrun.path("info").path("run_id")
          .asText(), 5);
      assertFalse(artifacts.isEmpty(), "no artifacts in MLflow");
      assertTrue(artifacts.stream().anyMatch(a -> a.endsWith("metrics.json")),
          "artifacts " + artifacts);

      for (String key : List.of("model.tar.gz", "metrics.json", "promotion.json")) {
        long size = stack.s3().client().statObject(StatObjectArgs.builder()
            .bucket(stack.config().bucket()).object(prefix + key).build()).size();
        assertTrue(size > 0, prefix + key + " is empty");
      }

      // Serving: the run's model version as champion, two manifest clips scored through the API.
      String model = "emoaudionet-" + DAG;
      List<Integer> versions = mlflow.registry().versionNumbers(model);
      assertEquals(1, versions.size(), "one run, one registered version: " + versions);
      if (mlflow.registry().aliased(model, "champion").isEmpty()) {
        // until promotion sets it itself
        mlflow.registry().setAlias(model, "champion", String.valueOf(versions.get(0)));
      }
      List<Path> clips = List.of(
          root.resolve("workers/samples/manifest/clips/spk04/spk04_03.wav"),
          root.resolve("workers/samples/manifest/clips/spk04/spk04_07.wav"));
      JsonNode served = assertServed(api.predict(DAG, clips, null, null), 1, clips.size());

      // The same DAG driven only by the official Airflow client (apache-airflow-client), on the
      // real worker; the second run hits the preprocess/augment cache of the first.
      Path script = root.resolve("infra/stack/src/test/python/airflow_client_real_run.py");
      Process py = new ProcessBuilder(stack.config().python().toString(), script.toString(),
          stack.config().apiUrl(), "admin", stack.adminPassword(), DAG, "it__airflow_client",
          new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(conf))
          .redirectErrorStream(true).start();
      String out = new String(py.getInputStream().readAllBytes());
      System.out.println(out);
      assertEquals(0, py.waitFor(), out);
      assertTrue(out.contains("AIRFLOW_REAL_RUN") && out.contains("state=success"), out);
      assertTrue(api.taskLog(DAG, "it__airflow_client", "preprocess", 1).contains("cache hit"),
          "second run reuses the cached preprocess output");

      // That run registered version 2; moving the alias to it changes what the endpoint serves
      // at once (the alias is resolved per request, the loaded model is a new cache entry).
      assertEquals(List.of(1, 2), mlflow.registry().versionNumbers(model));
      mlflow.registry().setAlias(model, "champion", "2");
      assertServed(api.predict(DAG, clips, null, null), 2, clips.size());
      assertEquals(served.get("classes"),
          assertServed(api.predict(model, clips.subList(0, 1), "1", null), 1, 1).get("classes"));

      // An EmoAudioNet trained in Keras, imported: the committed SavedModel fixture (small
      // preset, this sample's 4 classes) uploaded to S3 as a folder, evaluated on the same test
      // split, registered as version 3 and served through the TensorFlow engine in the API JVM.
      Path keras = root.resolve("workers/core/src/test/resources/keras/emoaudionet-small");
      String importPrefix = "imports/keras-small/";
      try (var files = java.nio.file.Files.walk(keras)) {
        for (Path f : files.filter(java.nio.file.Files::isRegularFile).toList()) {
          stack.s3().client().uploadObject(io.minio.UploadObjectArgs.builder()
              .bucket(stack.config().bucket())
              .object(importPrefix + keras.relativize(f).toString().replace('\\', '/'))
              .filename(f.toString()).build());
        }
      }
      String importUri = "s3://" + stack.config().bucket() + "/" + importPrefix;
      Map<String, Object> importConf = new LinkedHashMap<>(conf);
      importConf.put("import_model", importUri);
      api.trigger(DAG, importConf, "it__import");
      JsonNode imported = api.await(DAG, "it__import", Duration.ofMinutes(10),
          p -> System.out.println("import: " + p.line()));
      List<JsonNode> importTasks = api.taskInstances(DAG, "it__import");
      assertEquals("success", imported.path("state").asText(),
          "run " + imported + "\ntasks " + importTasks);
      assertEquals("skipped", importTasks.stream()
          .filter(t -> t.path("task_id").asText().equals("augment")).findFirst().orElseThrow()
          .path("state").asText(), "tasks " + importTasks);
      assertTrue(api.taskLog(DAG, "it__import", "augment", 1).contains("the model is imported"));
      assertTrue(api.taskLog(DAG, "it__import", "train", 1)
          .contains("imported " + importUri + " (keras-savedmodel)"));
      JsonNode irun = mlflow.tracking().runNamed(exp, "it__import").orElseThrow();
      Map<String, Double> imetrics = Tracking.metrics(irun);
      assertTrue(imetrics.containsKey("test_accuracy") && imetrics.containsKey("test_f1_macro"),
          "test metrics of the imported model: " + imetrics);
      assertFalse(imetrics.containsKey("train_loss"), "nothing was trained: " + imetrics);
      assertEquals("keras-savedmodel", Tracking.tags(irun).get("emo.model_format"));
      assertEquals(List.of(1, 2, 3), mlflow.registry().versionNumbers(model));

      JsonNode kb = assertServed(api.predict(DAG, clips, "3", null), 3, clips.size());
      try (var local = org.emoaudionet.model.ScoringModels.load(keras)) {
        org.emoaudionet.pipeline.Predictor predictor = new org.emoaudionet.pipeline.Predictor(local);
        for (int i = 0; i < clips.size(); i++) {
          var want = predictor.predict(clips.get(i));
          JsonNode got = kb.path("predictions").get(i);
          assertEquals(want.label(), got.path("label").asText(), got.toString());
          for (var e : want.probabilities().entrySet()) {
            assertEquals(e.getValue(), got.path("probabilities").path(e.getKey()).asDouble(),
                1e-4, clips.get(i) + " class " + e.getKey());
          }
        }
      }
    }
  }

  /** A 200 from the champion (or the asked version) with every file labelled and normalised. */
  private static JsonNode assertServed(ApiClient.Answer a, int version, int files) {
    assertEquals(200, a.status(), String.valueOf(a.body()));
    JsonNode b = a.body();
    assertEquals("emoaudionet-" + DAG, b.path("model").asText(), b.toString());
    assertEquals(version, b.path("version").asInt(), b.toString());
    assertEquals(files, b.path("predictions").size(), b.toString());
    List<String> classes = new java.util.ArrayList<>();
    b.path("classes").forEach(c -> classes.add(c.asText()));
    assertFalse(classes.isEmpty(), b.toString());
    for (JsonNode p : b.path("predictions")) {
      assertTrue(classes.contains(p.path("label").asText()), p.toString());
      double sum = 0;
      for (String c : classes) {
        sum += p.path("probabilities").path(c).asDouble(Double.NaN);
      }
      assertEquals(1.0, sum, 1e-4, p.toString());
      assertTrue(p.path("segments").asInt() > 0, p.toString());
    }
    return b;
  }
}
