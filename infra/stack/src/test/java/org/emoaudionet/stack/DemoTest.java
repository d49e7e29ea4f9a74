package org.emoaudionet.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.emoaudionet.mlflow.MlflowClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's sequencing and reporting against a scripted stand-in for the API and MLflow
 * (synthetic: runs succeed, or fail, on their second poll).
 */
class DemoTest {
  @TempDir Path samples;
  private HttpServer server;
  private String url;
  private final List<String> triggered = new CopyOnWriteArrayList<>();
  private final Map<String, JsonNode> confs = new ConcurrentHashMap<>();
  private final Map<String, Integer> polls = new ConcurrentHashMap<>();
  private volatile String failingDag = "";
  private volatile boolean champion = true;
  private final List<String> predictQueries = new CopyOnWriteArrayList<>();
  private volatile String lastPredictBody = "";

  @BeforeEach
  void start() throws IOException {
    for (String s : List.of("librispeech", "recola", "daic-woz")) {
      Files.createDirectories(samples.resolve(s));
    }
    Files.createDirectories(samples.resolve("recola/recordings_audio"));
    Files.write(samples.resolve("recola/recordings_audio/dev_1.wav"), new byte[] {1, 2, 3});
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.start();
    url = "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private void handle(HttpExchange x) throws IOException {
    String path = x.getRequestURI().getPath();
    String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    String reply;
    String[] p = path.split("/");
    if (path.equals("/auth/token")) {
      reply = "{\"access_token\":\"t\"}";
    } else if (path.equals("/api/emo/models/recola_arousal/predict")) {
      String query = String.valueOf(x.getRequestURI().getQuery());
      predictQueries.add(query);
      if (!champion && !query.contains("version=latest")) {
        byte[] b = ("{\"detail\":\"registered model 'emoaudionet-recola_arousal' has no alias "
            + "'champion'\"}").getBytes(StandardCharsets.UTF_8);
        x.sendResponseHeaders(404, b.length);
        x.getResponseBody().write(b);
        x.close();
        return;
      }
      lastPredictBody = body;
      reply = "{\"model\":\"emoaudionet-recola_arousal\",\"version\":" + (champion ? 3 : 4)
          + ",\"alias\":" + (champion ? "\"champion\"" : "null") + ",\"task\":\"arousal\","
          + "\"classes\":[\"0\",\"1\"],\"predictions\":[{\"file\":\"dev_1.wav\","
          + "\"label\":\"1\",\"probabilities\":{\"0\":0.25,\"1\":0.75},\"value\":0.3,"
          + "\"segments\":7}]}";
    } else if (path.startsWith("/api/v2/dags/") && path.endsWith("/dagRuns")) {
      JsonNode req = JsonHttp.JSON.readTree(body);
      triggered.add(p[4]);
      confs.put(p[4], req.path("conf"));
      reply = "{\"dag_run_id\":\"" + req.path("dag_run_id").asText() + "\",\"state\":\"queued\"}";
    } else if (path.startsWith("/api/v2/dags/") && path.endsWith("/taskInstances")) {
      reply = "{\"task_instances\":[{\"task_id\":\"train\",\"state\":\"running\"}]}";
    } else if (path.startsWith("/api/v2/dags/")) {
      int n = polls.merge(p[4], 1, Integer::sum);
      String state = n < 2 ? "running" : p[4].equals(failingDag) ? "failed" : "success";
      reply = "{\"dag_id\":\"" + p[4] + "\",\"state\":\"" + state + "\"}";
    } else if (path.endsWith("/experiments/get-by-name")) {
      reply = "{\"experiment\":{\"experiment_id\":\"7\"}}";
    } else if (path.endsWith("/runs/search")) {
      reply = "{\"runs\":[{\"info\":{\"run_id\":\"r1\"},\"data\":{\"metrics\":[{\"key\":"
          + "\"test_accuracy\",\"value\":0.9},{\"key\":\"train_loss\",\"value\":0.1}],\"tags\":"
          + "[{\"key\":\"emo.model_uri\",\"value\":\"s3://emo/runs/x/model.tar.gz\"}]}}]}";
    } else {
      reply = "{}";
      x.sendResponseHeaders(404, 2);
      x.getResponseBody().write(reply.getBytes());
      x.close();
      return;
    }
    byte[] b = reply.getBytes(StandardCharsets.UTF_8);
    x.sendResponseHeaders(path.endsWith("/dagRuns") || path.endsWith("token") ? 201 : 200,
        b.length);
    x.getResponseBody().write(b);
    x.close();
  }

  private Demo demo(ByteArrayOutputStream out) {
    return new Demo(new ApiClient(url, "admin", "pw"), new MlflowClient(url), samples,
        new PrintStream(out, true), Duration.ofMinutes(1));
  }

  @Test
  void pretrainsThenFineTunesFromItAndReportsEveryRun() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertTrue(demo(out).run(), out.toString());
    assertEquals(List.of("librispeech_gender_pretrain", "daic_woz_phq8_binary", "recola_arousal",
        "recola_valence"), triggered);
    String pretrainRun = out.toString().lines()
        .filter(l -> l.startsWith("triggered librispeech_gender_pretrain/")).findFirst()
        .orElseThrow().split("[/ ]")[2];
    for (String dag : List.of("recola_arousal", "recola_valence")) {
      assertEquals(pretrainRun, confs.get(dag).path("pretrained_from").asText());
      assertEquals(samples.resolve("recola").toString(), confs.get(dag).path("dataset_uri")
          .asText());
      assertEquals("small", confs.get(dag).path("preset").asText());
    }
    assertFalse(confs.get("daic_woz_phq8_binary").has("pretrained_from"));
    String report = out.toString();
    assertTrue(report.contains("http://127.0.0.1:" + server.getAddress().getPort()
        + "/#/experiments/7/runs/r1"), report);
    assertTrue(report.contains("s3://emo/runs/x/model.tar.gz") && report.contains("0.900"),
        report);
    assertTrue(report.contains("every run succeeded"), report);
    assertTrue(report.contains("serving: POST /api/emo/models/recola_arousal/predict with "
        + "dev_1.wav -> HTTP 200"), report);
    assertTrue(report.contains("# emoaudionet-recola_arousal version 3 (alias champion)"), report);
    assertTrue(report.contains("\"file\":\"dev_1.wav\",\"label\":\"1\""), report);
    assertEquals(List.of("null"), predictQueries, "the champion, no version asked for");
    assertTrue(lastPredictBody.contains("name=\"files\"; filename=\"dev_1.wav\""),
        lastPredictBody);
  }

  @Test
  void withoutAChampionTheDemoScoresTheLatestVersionAndSaysSo() throws Exception {
    champion = false;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertTrue(demo(out).run(), out.toString());
    String report = out.toString();
    assertTrue(report.contains("no run has been promoted to champion yet: scoring "
        + "version=latest instead"), report);
    assertTrue(report.contains("# emoaudionet-recola_arousal version 4, task arousal"), report);
    assertEquals(List.of("null", "version=latest"), predictQueries);
  }

  @Test
  void aFailedPretrainSkipsTheFineTunesAndFails() throws Exception {
    failingDag = "librispeech_gender_pretrain";
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertFalse(demo(out).run(), out.toString());
    assertEquals(List.of("librispeech_gender_pretrain", "daic_woz_phq8_binary"), triggered);
    assertTrue(out.toString().contains("not run"), out.toString());
  }
}
