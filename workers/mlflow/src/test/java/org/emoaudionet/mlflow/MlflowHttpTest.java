package org.emoaudionet.mlflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What a caller learns when MLflow says no, answers nonsense, or does not answer at all. */
class MlflowHttpTest {
  private final FakeMlflow mlflow;
  private final MlflowHttp http;

  MlflowHttpTest() throws IOException {
    mlflow = new FakeMlflow();
    http = new MlflowHttp(mlflow.uri + "//", Duration.ofSeconds(5), Duration.ofSeconds(10));
  }

  @AfterEach
  void stop() {
    mlflow.close();
  }

  @Test
  void anErrorNamesTheCallTheStatusAndMlflowsWords() {
    mlflow.on("/api/2.0/mlflow/runs/log-batch", 400, "{\"error_code\":\"INVALID_PARAMETER_VALUE\","
        + "\"message\":\"Param value too long\"}");
    MlflowException e = assertThrows(MlflowException.class,
        () -> http.post("/api/2.0/mlflow/runs/log-batch", Map.of("run_id", "r")));
    assertEquals("POST /api/2.0/mlflow/runs/log-batch", e.call());
    assertEquals(400, e.status());
    assertEquals("INVALID_PARAMETER_VALUE", e.errorCode());
    assertEquals("Param value too long", e.mlflowMessage());
    assertTrue(e.getMessage().startsWith("MLflow POST /api/2.0/mlflow/runs/log-batch: HTTP 400 ")
        && e.getMessage().contains("Param value too long"), e.getMessage());
    assertFalse(e.missing(), "a bad value is not a missing resource");
    assertEquals("{\"run_id\":\"r\"}", mlflow.requests.get(0).text());
  }

  @Test
  void aNonJsonErrorKeepsItsBodyAbbreviated() {
    mlflow.on("/api/2.0/mlflow/runs/get", 502, "<html>" + "x".repeat(2000) + "</html>");
    MlflowException e = assertThrows(MlflowException.class,
        () -> http.get("/api/2.0/mlflow/runs/get?run_id=r"));
    assertEquals("", e.errorCode());
    assertTrue(e.getMessage().contains("HTTP 502 <html>xxx") && e.getMessage().endsWith("...")
        && e.getMessage().length() < 700, e.getMessage());
  }

  @Test
  void aSuccessThatIsNotJsonIsMlflowsFaultNotTheNetworks() {
    mlflow.on("/api/2.0/mlflow/runs/get", 200, "<html>login</html>");
    MlflowException e = assertThrows(MlflowException.class,
        () -> http.get("/api/2.0/mlflow/runs/get?run_id=r"));
    assertTrue(e.getMessage().contains("not JSON") && e.getMessage().contains("login"),
        e.getMessage());
  }

  @Test
  void anEmptySuccessIsAnEmptyObject() throws IOException {
    mlflow.on("/api/2.0/mlflow/runs/update", 200, "");
    assertEquals(0, http.post("/api/2.0/mlflow/runs/update", Map.of()).size());
  }

  @Test
  void whatCountsAsMissing() {
    assertTrue(MlflowException.of("GET x", 404, "").missing());
    assertTrue(MlflowException.of("GET x", 400, "{\"error_code\":\"RESOURCE_DOES_NOT_EXIST\"}")
        .missing());
    assertTrue(MlflowException.of("GET x", 400, "{\"error_code\":\"INVALID_PARAMETER_VALUE\","
        + "\"message\":\"Registered model alias champion not found.\"}").missing());
    assertFalse(MlflowException.of("GET x", 500, "{\"error_code\":\"INTERNAL_ERROR\","
        + "\"message\":\"not found in cache\"}").missing());
    assertTrue(MlflowException.of("POST x", 400, "{\"error_code\":\"RESOURCE_ALREADY_EXISTS\"}")
        .alreadyExists());
  }

  @Test
  void noServerIsUnreachableNamingTheServerAndTheCall() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    MlflowHttp dead = new MlflowHttp("http://127.0.0.1:" + port, Duration.ofSeconds(2),
        Duration.ofSeconds(2));
    IOException e = assertThrows(MlflowUnreachableException.class,
        () -> dead.get("/api/2.0/mlflow/runs/get"));
    assertTrue(e.getMessage().contains("not reachable at http://127.0.0.1:" + port)
        && e.getMessage().contains("GET /api/2.0/mlflow/runs/get"), e.getMessage());
  }
}
