package org.emoaudionet.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.minio.ListObjectsArgs;
import io.minio.Result;
import io.minio.messages.Item;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.emoaudionet.mlflow.MlflowClient;
import org.emoaudionet.mlflow.Tracking;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The MLflow server exactly as the stack starts it (SQLite store, artifacts proxied to the
 * embedded S3), and the REST reads the demo relies on. Needs $EMO_HOME/venv
 * (infra/scripts/setup-python.sh); skipped without it.
 */
class MlflowServerIT {
  @TempDir Path home;

  @Test
  void artifactsGoThroughTheProxyIntoTheMlflowBucket() throws Exception {
    Path venv = TestPaths.repoRoot().resolve(".emo/venv");
    assumeTrue(Files.isExecutable(venv.resolve("bin/mlflow")),
        "no MLflow venv at " + venv + " (run infra/scripts/setup-python.sh)");
    Files.createDirectories(home);
    Files.createSymbolicLink(home.resolve("venv"), venv);
    StackConfig c = StackConfig.fromEnv(Map.of("EMO_HOME", home.toString()),
        TestPaths.repoRoot()).withPorts(Ports.free(), Ports.free(), Ports.free(), Ports.free(),
        Ports.free());
    PrintStream out = new PrintStream(new ByteArrayOutputStream());
    try (EmbeddedS3 s3 = EmbeddedS3.start(home.resolve("s3"), c.host(), c.s3Port(),
        c.s3AccessKey(), c.s3SecretKey(), List.of(c.bucket(), StackConfig.MLFLOW_BUCKET));
        ChildProcess mlflow = ChildProcess.start(new ChildProcess.Spec("mlflow",
            Stack.mlflowCommand(c), Stack.mlflowEnv(c), home, c.logs().resolve("mlflow.log"),
            home.resolve("run")), false, out)) {
      mlflow.awaitHealthy(Duration.ofSeconds(120),
          () -> JsonHttp.healthy(c.mlflowUrl() + "/health"));
      String api = c.mlflowUrl() + "/api/2.0/mlflow";
      String exp = JsonHttp.call("POST", api + "/experiments/create",
          Map.of("name", "synthetic_dag"), null).path("experiment_id").asText();
      JsonNode run = JsonHttp.call("POST", api + "/runs/create", Map.of("experiment_id", exp,
          "run_name", "manual__synthetic", "tags", List.of(Map.of("key", "emo.model_uri",
              "value", "s3://emo/runs/synthetic_dag/manual__synthetic/model.tar.gz"))), null);
      String runId = run.path("run").path("info").path("run_id").asText();
      JsonHttp.call("POST", api + "/runs/log-metric", Map.of("run_id", runId,
          "key", "test_accuracy", "value", 0.75, "timestamp", System.currentTimeMillis()), null);
      HttpResponse<String> put = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
          URI.create(c.mlflowUrl() + "/api/2.0/mlflow-artifacts/artifacts/" + exp + "/" + runId
              + "/artifacts/model/metrics.json"))
          .PUT(HttpRequest.BodyPublishers.ofString("{\"accuracy\":0.75}")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(200, put.statusCode(), put.body());

      MlflowClient rest = new MlflowClient(c.mlflowUrl());
      assertEquals(exp, rest.tracking().experimentIdByName("synthetic_dag").orElseThrow());
      assertTrue(rest.tracking().experimentIdByName("no_such_dag").isEmpty());
      JsonNode found = rest.tracking().runNamed(exp, "manual__synthetic").orElseThrow();
      assertEquals(0.75, Tracking.metrics(found).get("test_accuracy"));
      assertEquals("s3://emo/runs/synthetic_dag/manual__synthetic/model.tar.gz",
          Tracking.tags(found).get("emo.model_uri"));
      assertEquals(List.of("model/metrics.json"), rest.artifacts().listFiles(runId, 5));

      List<String> keys = new ArrayList<>();
      for (Result<Item> r : s3.client().listObjects(ListObjectsArgs.builder()
          .bucket(StackConfig.MLFLOW_BUCKET).recursive(true).build())) {
        keys.add(r.get().objectName());
      }
      assertTrue(keys.stream().anyMatch(k -> k.endsWith(runId + "/artifacts/model/metrics.json")),
          "artifact not in s3://mlflow: " + keys);
    }
  }
}
