package org.emoaudionet.mlflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The one HTTP path to an MLflow server: every call's errors name the call, the status and
 * MLflow's words ({@link MlflowException}), so that no caller parses a reply twice. Public for
 * the endpoints this module does not wrap (MLflow 3's logged models, which only the worker uses).
 */
public final class MlflowHttp {
  public static final ObjectMapper JSON = new ObjectMapper();

  private final String base;
  private final Duration requestTimeout;
  // HTTP/1.1: MLflow's uvicorn server has no use for the JDK client's h2c upgrade attempt.
  private final HttpClient http;

  /** {@code base} without its trailing slashes; {@code requestTimeout} for JSON calls. */
  public MlflowHttp(String base, Duration connectTimeout, Duration requestTimeout) {
    this.base = base.replaceAll("/+$", "");
    this.requestTimeout = requestTimeout;
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(connectTimeout).build();
  }

  public String base() {
    return base;
  }

  /** GET {@code pathAndQuery} as JSON. */
  public JsonNode get(String pathAndQuery) throws IOException {
    return json("GET " + pathAndQuery, request(pathAndQuery, requestTimeout).GET().build());
  }

  /** POST {@code body} as JSON, the reply as JSON. */
  public JsonNode post(String path, Object body) throws IOException {
    return json("POST " + path, withJson(path, "POST", body));
  }

  /** PATCH as JSON (MLflow 3 updates a logged model this way). */
  public JsonNode patch(String path, Object body) throws IOException {
    return json("PATCH " + path, withJson(path, "PATCH", body));
  }

  /** PUT a file's bytes (the artifact proxy's upload). */
  public void put(String path, Path file, Duration timeout) throws IOException {
    HttpRequest req = request(path, timeout).header("Content-Type", "application/octet-stream")
        .PUT(HttpRequest.BodyPublishers.ofFile(file)).build();
    HttpResponse<String> r = send(req, HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() / 100 != 2) {
      throw MlflowException.of("PUT " + path, r.statusCode(), r.body());
    }
  }

  /** GET {@code path} as text, as stored (an artifact such as {@code MLmodel}). */
  public String text(String path) throws IOException {
    HttpResponse<String> r = send(request(path, requestTimeout).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) throw MlflowException.of("GET " + path, r.statusCode(), r.body());
    return r.body();
  }

  /** GET {@code path} into file {@code to} (its folder created), streamed. */
  public void download(String path, Path to, Duration timeout) throws IOException {
    HttpResponse<InputStream> r = send(request(path, timeout).GET().build(),
        HttpResponse.BodyHandlers.ofInputStream());
    try (InputStream in = r.body()) {
      if (r.statusCode() != 200) {
        throw MlflowException.of("GET " + path, r.statusCode(),
            new String(in.readNBytes(4096), StandardCharsets.UTF_8));
      }
      Files.createDirectories(to.toAbsolutePath().getParent());
      Files.copy(in, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private HttpRequest.Builder request(String pathAndQuery, Duration timeout) {
    return HttpRequest.newBuilder(URI.create(base + pathAndQuery)).timeout(timeout);
  }

  private HttpRequest withJson(String path, String method, Object body) throws IOException {
    return request(path, requestTimeout).header("Content-Type", "application/json")
        .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
        .build();
  }

  private JsonNode json(String call, HttpRequest req) throws IOException {
    HttpResponse<String> r = send(req, HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() / 100 != 2) throw MlflowException.of(call, r.statusCode(), r.body());
    if (r.body().isBlank()) return JSON.createObjectNode();
    try {
      return JSON.readTree(r.body());
    } catch (IOException e) {
      throw new MlflowException(call, r.statusCode(), "", "", "but not JSON: "
          + MlflowException.abbreviate(r.body()));
    }
  }

  /** Transport failures name the server and the call: MLflow never answered. */
  private <T> HttpResponse<T> send(HttpRequest req, HttpResponse.BodyHandler<T> handler)
      throws IOException {
    try {
      return http.send(req, handler);
    } catch (IOException e) {
      throw new MlflowUnreachableException("MLflow is not reachable at " + base + " ("
          + req.method() + " "
          + req.uri().getRawPath() + "): " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted: " + req.method() + " " + req.uri(), e);
    }
  }

  /** A query parameter's value; spaces as {@code %20}, which MLflow's paths and queries share. */
  public static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** Each segment of a slash-separated path encoded, the slashes kept. */
  public static String encodePath(String p) {
    List<String> parts = new ArrayList<>();
    for (String part : p.split("/")) parts.add(enc(part));
    return String.join("/", parts);
  }
}
