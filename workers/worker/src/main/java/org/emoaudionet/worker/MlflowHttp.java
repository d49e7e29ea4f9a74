package org.emoaudionet.worker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/**
 * MLflow's REST API and its {@code mlflow-artifacts} proxy over the JDK's HTTP client: what the
 * Java client lacks (the registry, MLflow 3's logged models, dataset inputs, metrics linked to a
 * model) and every artifact upload (the Java client would shell out to Python for those).
 */
final class MlflowHttp {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final String ARTIFACTS_SCHEME = "mlflow-artifacts:";

  private final String base;
  // HTTP/1.1: MLflow's uvicorn server has no use for the JDK client's h2c upgrade attempt.
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10)).build();

  MlflowHttp(String base) {
    this.base = base;
  }

  /** POST as JSON; the answer whatever its status (for callers that accept some errors). */
  HttpResponse<String> postRaw(String path, Object body) throws IOException {
    return send(json(path, "POST", body));
  }

  /** POST as JSON; the reply, or an IOException naming the call, the status and MLflow's words. */
  JsonNode post(String path, Object body) throws IOException {
    return reply(postRaw(path, body), "POST " + path);
  }

  /** PATCH as JSON (MLflow 3 finalizes a logged model this way). */
  JsonNode patch(String path, Object body) throws IOException {
    return reply(send(json(path, "PATCH", body)), "PATCH " + path);
  }

  /** GET {@code pathAndQuery} as JSON. */
  JsonNode get(String pathAndQuery) throws IOException {
    return reply(send(HttpRequest.newBuilder(URI.create(base + pathAndQuery))
        .timeout(Duration.ofMinutes(1)).GET().build()), "GET " + pathAndQuery);
  }

  /** GET {@code pathAndQuery}, answer as it came (for callers that accept some errors). */
  HttpResponse<String> getRaw(String pathAndQuery) throws IOException {
    return send(HttpRequest.newBuilder(URI.create(base + pathAndQuery))
        .timeout(Duration.ofMinutes(1)).GET().build());
  }

  /**
   * Uploads one file through the artifact proxy to {@code root/relPath}, where {@code root} is a
   * proxy path such as {@link #artifactPath} gives (a run's or a logged model's artifacts).
   */
  void upload(String root, String relPath, Path file) throws IOException {
    String url = base + "/api/2.0/mlflow-artifacts/artifacts/" + encodePath(root) + "/"
        + encodePath(relPath);
    HttpRequest req = HttpRequest.newBuilder(URI.create(url))
        .timeout(Duration.ofMinutes(30))
        .header("Content-Type", "application/octet-stream")
        .PUT(HttpRequest.BodyPublishers.ofFile(file)).build();
    HttpResponse<String> r = send(req);
    if (r.statusCode() / 100 != 2) {
      throw new IOException("MLflow artifact upload " + url + ": HTTP " + r.statusCode() + " "
          + r.body());
    }
  }

  /**
   * The proxy's path of an {@code mlflow-artifacts:} URI: {@code mlflow-artifacts:/1/r/artifacts}
   * and {@code mlflow-artifacts://host:5000/1/r/artifacts} both give {@code 1/r/artifacts}.
   */
  static String artifactPath(String uri) {
    if (!uri.startsWith(ARTIFACTS_SCHEME)) {
      throw new IllegalArgumentException("not an " + ARTIFACTS_SCHEME + " URI (is the MLflow server"
          + " started with --artifacts-destination?): " + uri);
    }
    String rest = uri.substring(ARTIFACTS_SCHEME.length());
    if (rest.startsWith("//")) {
      int slash = rest.indexOf('/', 2);
      rest = slash < 0 ? "" : rest.substring(slash);
    }
    return rest.replaceAll("^/+", "").replaceAll("/+$", "");
  }

  private HttpRequest json(String path, String method, Object body) throws IOException {
    return HttpRequest.newBuilder(URI.create(base + path))
        .timeout(Duration.ofMinutes(1))
        .header("Content-Type", "application/json")
        .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
  }

  private static JsonNode reply(HttpResponse<String> r, String call) throws IOException {
    if (r.statusCode() / 100 != 2) {
      throw new IOException("MLflow " + call + ": HTTP " + r.statusCode() + " " + r.body());
    }
    return r.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(r.body());
  }

  private HttpResponse<String> send(HttpRequest req) throws IOException {
    try {
      return http.send(req, HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted: " + req.uri(), e);
    }
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  static String encodePath(String p) {
    StringBuilder b = new StringBuilder();
    for (String part : p.split("/")) {
      if (b.length() > 0) b.append('/');
      b.append(enc(part).replace("+", "%20"));
    }
    return b.toString();
  }
}
