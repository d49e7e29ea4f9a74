package org.emoaudionet.api.serving;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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
import java.util.Optional;
import org.emoaudionet.api.ApiException;

/**
 * MLflow's model registry and artifact proxy over REST: alias or version to a model version, and
 * the version's files downloaded through {@code /api/2.0/mlflow-artifacts} (so the API needs no
 * S3 credentials of its own).
 */
@ApplicationScoped
public class MlflowRegistry {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ARTIFACTS_SCHEME = "mlflow-artifacts:";

  // HTTP/1.1: MLflow's uvicorn server refuses the JDK client's h2c upgrade attempt anyway.
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();

  @Inject ServingSettings settings;

  public Optional<ModelVersion> byAlias(String name, String alias) {
    return version(get("/api/2.0/mlflow/registered-models/alias?name=" + enc(name)
        + "&alias=" + enc(alias)));
  }

  public Optional<ModelVersion> byVersion(String name, int version) {
    return version(get("/api/2.0/mlflow/model-versions/get?name=" + enc(name) + "&version="
        + version));
  }

  /** The highest version number of {@code name}, if it has any. */
  public Optional<ModelVersion> latest(String name) {
    JsonNode r = get("/api/2.0/mlflow/model-versions/search?filter="
        + enc("name='" + name.replace("'", "\\'") + "'") + "&max_results=1000");
    ModelVersion best = null;
    if (r != null) {
      for (JsonNode v : r.path("model_versions")) {
        ModelVersion mv = of(v);
        if (best == null || mv.version() > best.version()) best = mv;
      }
    }
    return Optional.ofNullable(best);
  }

  public boolean exists(String name) {
    return get("/api/2.0/mlflow/registered-models/get?name=" + enc(name)) != null;
  }

  /** Every file under the version's source folder, into {@code dir} (created). */
  public void download(ModelVersion v, Path dir) throws IOException {
    String root = artifactPath(v);
    Files.createDirectories(dir);
    downloadInto(root, "", dir, 0);
  }

  private void downloadInto(String root, String rel, Path dir, int depth) throws IOException {
    String listed = rel.isEmpty() ? root : root + "/" + rel;
    JsonNode r = get("/api/2.0/mlflow-artifacts/artifacts?path=" + enc(listed));
    if (r == null || (depth == 0 && !r.path("files").elements().hasNext())) {
      throw new ApiException(502, "model source " + listed + " has no files in MLflow's "
          + "artifact store");
    }
    for (JsonNode f : r.path("files")) {
      // The proxy lists base names; a name that could climb out of the folder is refused.
      String name = Path.of(f.path("path").asText()).getFileName().toString();
      if (name.isEmpty() || name.equals("..") || name.equals(".")) {
        throw new ApiException(502, "MLflow listed an unusable artifact name under " + listed
            + ": '" + f.path("path").asText() + "'");
      }
      String child = rel.isEmpty() ? name : rel + "/" + name;
      if (f.path("is_dir").asBoolean(false)) {
        if (depth >= 8) throw new ApiException(502, "model folder too deep at " + child);
        Files.createDirectories(dir.resolve(child));
        downloadInto(root, child, dir, depth + 1);
      } else {
        fetch(root + "/" + child, dir.resolve(child));
      }
    }
  }

  private void fetch(String artifact, Path to) throws IOException {
    URI uri = URI.create(settings.mlflowUri() + "/api/2.0/mlflow-artifacts/artifacts/"
        + encPath(artifact));
    HttpResponse<InputStream> r = send(HttpRequest.newBuilder(uri)
        .timeout(Duration.ofMinutes(10)).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
    try (InputStream in = r.body()) {
      if (r.statusCode() != 200) {
        throw new ApiException(502, "MLflow artifact " + artifact + ": HTTP " + r.statusCode());
      }
      Files.createDirectories(to.getParent());
      Files.copy(in, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** {@code <exp>/<run>/artifacts/model} from {@code mlflow-artifacts:/...} (or {@code ://host/...}). */
  static String artifactPath(ModelVersion v) {
    String s = v.source();
    if (!s.startsWith(ARTIFACTS_SCHEME)) {
      throw new ApiException(502, "model " + v.name() + " version " + v.version()
          + " has source " + s + ": only mlflow-artifacts:/ sources (MLflow's artifact proxy) "
          + "can be served");
    }
    String rest = s.substring(ARTIFACTS_SCHEME.length());
    if (rest.startsWith("//")) {
      int slash = rest.indexOf('/', 2);
      rest = slash < 0 ? "" : rest.substring(slash);
    }
    rest = rest.replaceAll("^/+", "").replaceAll("/+$", "");
    if (rest.isEmpty() || List.of(rest.split("/")).contains("..")) {
      throw new ApiException(502, "model " + v.name() + " version " + v.version()
          + " has an unusable source " + s);
    }
    return rest;
  }

  private static Optional<ModelVersion> version(JsonNode reply) {
    return reply == null ? Optional.empty() : Optional.of(of(reply.path("model_version")));
  }

  private static ModelVersion of(JsonNode v) {
    return new ModelVersion(v.path("name").asText(), v.path("version").asInt(),
        v.path("source").asText(), v.path("run_id").asText(null));
  }

  /** GET as JSON; null when MLflow says the resource does not exist. */
  private JsonNode get(String pathAndQuery) {
    HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(settings.mlflowUri()
        + pathAndQuery)).timeout(Duration.ofSeconds(30)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() == 200) {
      try {
        return JSON.readTree(r.body());
      } catch (IOException e) {
        throw new ApiException(502, "MLflow answered " + pathAndQuery + " with non-JSON: " + e);
      }
    }
    // MLflow answers a missing model, version or alias with RESOURCE_DOES_NOT_EXIST (404, or
    // 400 in some versions for a bad version number).
    if (r.statusCode() == 404 || r.body().contains("RESOURCE_DOES_NOT_EXIST")
        || r.body().contains("INVALID_PARAMETER_VALUE")) {
      return null;
    }
    throw new ApiException(502, "MLflow " + pathAndQuery + ": HTTP " + r.statusCode() + " "
        + abbreviate(r.body()));
  }

  private <T> HttpResponse<T> send(HttpRequest req, HttpResponse.BodyHandler<T> handler) {
    try {
      return http.send(req, handler);
    } catch (IOException e) {
      throw new ApiException(503, "MLflow is not reachable at " + settings.mlflowUri() + ": " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ApiException(503, "interrupted while calling MLflow");
    }
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String encPath(String p) {
    List<String> parts = new ArrayList<>();
    for (String part : p.split("/")) parts.add(enc(part));
    return String.join("/", parts);
  }

  private static String abbreviate(String s) {
    return s.length() <= 400 ? s : s.substring(0, 400) + "...";
  }
}
