package org.emoaudionet.mlflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Experiments and runs as the stack reads them and the worker writes them. */
class TrackingTest {
  private final FakeMlflow mlflow;
  private final MlflowClient client;

  TrackingTest() throws IOException {
    mlflow = new FakeMlflow();
    client = new MlflowClient(mlflow.uri + "/");
  }

  @AfterEach
  void stop() {
    mlflow.close();
  }

  @Test
  void anExperimentIsFoundByNameOrIsEmpty() throws IOException {
    mlflow.on("/api/2.0/mlflow/experiments/get-by-name", 200,
        "{\"experiment\":{\"experiment_id\":\"7\",\"name\":\"my dag\"}}");
    assertEquals("7", client.tracking().experimentIdByName("my dag").orElseThrow());
    assertEquals("/api/2.0/mlflow/experiments/get-by-name?experiment_name=my%20dag",
        mlflow.requests.get(0).pathAndQuery());
    mlflow.on("/api/2.0/mlflow/experiments/get-by-name", 404, "{\"error_code\":"
        + "\"RESOURCE_DOES_NOT_EXIST\",\"message\":\"Could not find experiment with name 'x'\"}");
    assertTrue(client.tracking().experimentIdByName("x").isEmpty());
    mlflow.on("/api/2.0/mlflow/experiments/get-by-name", 500, "{}");
    assertThrows(MlflowException.class, () -> client.tracking().experimentIdByName("x"));
  }

  @Test
  void aSearchSendsTheFilterLimitAndOrderAndReadsMetricsAndTags() throws IOException {
    mlflow.on("/api/2.0/mlflow/runs/search", 200, "{\"runs\":[{\"info\":{\"run_id\":\"r1\"},"
        + "\"data\":{\"metrics\":[{\"key\":\"test_accuracy\",\"value\":0.9}],"
        + "\"tags\":[{\"key\":\"emo.model_uri\",\"value\":\"s3://emo/m.tar.gz\"}]}}]}");
    List<JsonNode> runs = client.tracking().searchRuns(List.of("7"),
        "attributes.run_name = 'manual__1'", 1, List.of("attributes.start_time DESC"));
    assertEquals(1, runs.size());
    assertEquals(Map.of("test_accuracy", 0.9), Tracking.metrics(runs.get(0)));
    assertEquals(Map.of("emo.model_uri", "s3://emo/m.tar.gz"), Tracking.tags(runs.get(0)));
    JsonNode sent = MlflowHttp.JSON.readTree(mlflow.requests.get(0).text());
    assertEquals("[\"7\"]", sent.path("experiment_ids").toString());
    assertEquals("attributes.run_name = 'manual__1'", sent.path("filter").asText());
    assertEquals(1, sent.path("max_results").asInt());
    assertEquals("[\"attributes.start_time DESC\"]", sent.path("order_by").toString());

    mlflow.on("/api/2.0/mlflow/runs/search", 200, "{}");
    assertTrue(client.tracking().searchRuns(List.of("7"), "", 100, List.of()).isEmpty());
    assertTrue(!MlflowHttp.JSON.readTree(mlflow.requests.get(1).text()).has("order_by"));
  }

  @Test
  void metricsGoAThousandPerBatch() throws IOException {
    mlflow.on("/api/2.0/mlflow/runs/log-batch", 200, "{}");
    List<Map<String, Object>> ms = new ArrayList<>();
    for (int i = 0; i < 2001; i++) ms.add(Map.of("key", "m" + i, "value", i, "step", 0));
    client.tracking().logMetrics("r1", ms);
    List<FakeMlflow.Request> calls = mlflow.to("/api/2.0/mlflow/runs/log-batch");
    assertEquals(3, calls.size());
    int sent = 0;
    for (FakeMlflow.Request c : calls) {
      JsonNode body = MlflowHttp.JSON.readTree(c.text());
      assertEquals("r1", body.path("run_id").asText());
      sent += body.path("metrics").size();
    }
    assertEquals(2001, sent);
  }

  @Test
  void noDatasetsIsNoCall() throws IOException {
    client.tracking().logInputs("r1", List.of());
    assertTrue(mlflow.requests.isEmpty());
  }

  @Test
  void experimentsAndRunsAreCreatedWithTheirTags() throws IOException {
    mlflow.on("/api/2.0/mlflow/experiments/create", 200, "{\"experiment_id\":\"8\"}");
    mlflow.on("/api/2.0/mlflow/runs/create", 200, "{\"run\":{\"info\":{\"run_id\":\"r9\"}}}");
    assertEquals("8", client.tracking().createExperiment("d", Map.of()));
    assertEquals("r9", client.tracking().createRun("8", "manual__1", Map.of("k", "v"))
        .path("info").path("run_id").asText());
    JsonNode run = MlflowHttp.JSON.readTree(mlflow.to("/api/2.0/mlflow/runs/create").get(0).text());
    assertEquals(Map.of("k", "v"), Tracking.keyValues(run.path("tags")));
    assertEquals("manual__1", run.path("run_name").asText());
    assertEquals(mlflow.uri + "/#/experiments/8/runs/r9", client.runLink("8", "r9"));
  }
}
