package org.emoaudionet.worker;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * A real MLflow server for tests: {@code python -m mlflow server} on 127.0.0.1 and a free port,
 * SQLite backend, artifacts proxied to bucket {@code mlflow} of the given S3 server. Python
 * comes from EMO_PYTHON or {@code <repo>/.emo/venv/bin/python}; without one (or without mlflow
 * in it) the calling test is skipped, saying so.
 */
final class MlflowServerFixture implements AutoCloseable {
  final String uri;
  private final Process process;
  private final Path logFile;

  MlflowServerFixture(S3ProxyFixture s3, Path dir) throws Exception {
    Path python = findPython();
    Assumptions.assumeTrue(python != null, "no Python with mlflow: set EMO_PYTHON or create "
        + "<repo>/.emo/venv (python3 -m venv .emo/venv && .emo/venv/bin/pip install mlflow boto3)");
    s3.store("mlflow").ensureBucket();
    int port = S3ProxyFixture.freePort();
    uri = "http://127.0.0.1:" + port;
    logFile = dir.resolve("mlflow-server.log");
    ProcessBuilder pb = new ProcessBuilder(python.toString(), "-m", "mlflow", "server",
        "--host", "127.0.0.1", "--port", Integer.toString(port), "--workers", "1",
        "--backend-store-uri", "sqlite:///" + dir.resolve("mlflow.db"),
        "--artifacts-destination", "s3://mlflow/")
        .redirectErrorStream(true).redirectOutput(logFile.toFile());
    Map<String, String> env = pb.environment();
    env.put("MLFLOW_S3_ENDPOINT_URL", s3.endpoint);
    env.put("AWS_ACCESS_KEY_ID", S3ProxyFixture.ACCESS);
    env.put("AWS_SECRET_ACCESS_KEY", S3ProxyFixture.SECRET);
    env.put("AWS_DEFAULT_REGION", "us-east-1");
    // newer boto3 adds CRC checksums that not every S3 implementation accepts
    env.put("AWS_REQUEST_CHECKSUM_CALCULATION", "when_required");
    env.put("AWS_RESPONSE_CHECKSUM_VALIDATION", "when_required");
    process = pb.start();
    waitHealthy();
  }

  private void waitHealthy() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.currentTimeMillis() + 120_000;
    while (System.currentTimeMillis() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("mlflow server exited: " + Files.readString(logFile));
      }
      try {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(uri + "/health"))
            .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) return;
      } catch (IOException notYet) {
        // starting
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException("mlflow server not healthy after 120 s: " + Files.readString(logFile));
  }

  static Path findPython() {
    String env = System.getenv("EMO_PYTHON");
    Path candidate = null;
    if (env != null && !env.isBlank()) {
      candidate = Path.of(env);
    } else {
      for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
        Path p = d.resolve(".emo/venv/bin/python");
        if (Files.isExecutable(p)) {
          candidate = p;
          break;
        }
      }
    }
    if (candidate == null || !Files.isExecutable(candidate)) return null;
    try {
      Process p = new ProcessBuilder(candidate.toString(), "-c", "import mlflow, boto3")
          .redirectErrorStream(true).start();
      return p.waitFor() == 0 ? candidate : null;
    } catch (Exception e) {
      return null;
    }
  }

  @Override
  public void close() throws Exception {
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
    }
  }
}
