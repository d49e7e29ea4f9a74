package org.emoaudionet.api.serving;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.emoaudionet.config.PipelineConfig;
import org.emoaudionet.data.Corpus;
import org.emoaudionet.features.FeatureSet;
import org.emoaudionet.pipeline.CorpusLoader;
import org.emoaudionet.pipeline.DatasetUri;
import org.emoaudionet.pipeline.Preprocessor;
import org.emoaudionet.pipeline.ProgressListener;
import org.emoaudionet.spec.Architecture;
import org.emoaudionet.train.TrainResult;
import org.emoaudionet.train.Trainer;
import org.emoaudionet.train.TrainingListener;

/**
 * A real MLflow server (the repo's {@code .emo/venv}, SQLite store, artifacts proxied to a local
 * folder) on a free port, and a real model in its registry: RECOLA arousal trained for one epoch
 * with the small preset on the bundled sample, registered as {@code emoaudionet-recola_arousal}
 * version 1 with the alias {@code champion}. Small serving limits so that the tests can cross
 * them with the sample files (about 0.55 to 0.7 MB each).
 */
public class MlflowServingResource implements QuarkusTestResourceLifecycleManager {
  static final String ADMIN_PASSWORD = "serving-admin-pw";
  static final String MODEL = "emoaudionet-recola_arousal";
  static final ObjectMapper JSON = new ObjectMapper();

  private Process mlflow;

  static Path repoRoot() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve("workers/samples"))) return p;
    }
    throw new IllegalStateException("repository root not found above " + Path.of("").toAbsolutePath());
  }

  static Path mlflowBin() {
    String home = System.getenv("EMO_HOME");
    Path base = home != null && !home.isBlank() ? Path.of(home) : repoRoot().resolve(".emo");
    return base.resolve("venv/bin/mlflow");
  }

  @Override
  public Map<String, String> start() {
    try {
      Path bin = mlflowBin();
      if (!Files.isExecutable(bin)) {
        throw new IllegalStateException("no MLflow at " + bin + ": run infra/scripts/setup-python.sh"
            + " (./emo test does) before the serving tests");
      }
      Path dir = Files.createTempDirectory("emo-serving-test");
      int port;
      try (ServerSocket s = new ServerSocket(0)) {
        port = s.getLocalPort();
      }
      String url = "http://127.0.0.1:" + port;
      mlflow = new ProcessBuilder(bin.toString(), "server", "--host", "127.0.0.1", "--port",
          Integer.toString(port), "--backend-store-uri", "sqlite:///" + dir.resolve("mlflow.db"),
          "--artifacts-destination", dir.resolve("artifacts").toUri().toString(), "--workers", "1")
          .redirectErrorStream(true).redirectOutput(dir.resolve("mlflow.log").toFile()).start();
      Path model = train(dir.resolve("train"));
      awaitHealthy(url, dir.resolve("mlflow.log"));
      Registry reg = new Registry(url);
      String v = reg.register(MODEL, model);
      reg.setAlias(MODEL, "champion", v);
      return Map.of("emo.mlflow.uri", url, "emo.home", dir.resolve("home").toString(),
          "emo.admin.password", ADMIN_PASSWORD, "emo.admin.user", "admin",
          "emo.serving.max-file-bytes", "1M", "emo.serving.max-request-bytes", "1500K",
          "emo.serving.max-files", "3", "emo.serving.cache-size", "1",
          "emo.test.model-dir", model.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** One epoch of the small preset on the RECOLA sample: a real model, ordinal (10 bins). */
  static Path train(Path out) throws IOException {
    PipelineConfig cfg = PipelineConfig.small().withEpochs(1);
    Corpus corpus = CorpusLoader.load(DatasetUri.parse("recola:"
        + repoRoot().resolve("workers/samples/recola")), "arousal");
    FeatureSet data = Preprocessor.run(corpus, cfg, ProgressListener.NONE);
    TrainResult r = Trainer.train(data, cfg, Architecture.EMOAUDIONET, out, null,
        TrainingListener.NONE);
    return r.modelDir();
  }

  private static void awaitHealthy(String url, Path log) throws IOException, InterruptedException {
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (System.nanoTime() < deadline) {
      try {
        if (http.send(HttpRequest.newBuilder(URI.create(url + "/health")).build(),
            HttpResponse.BodyHandlers.discarding()).statusCode() == 200) return;
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException("MLflow did not start at " + url + ": " + Files.readString(log));
  }

  @Override
  public void stop() {
    if (mlflow != null) {
      mlflow.descendants().forEach(ProcessHandle::destroy);
      mlflow.destroy();
    }
  }

  /** The registry calls the platform's register task makes, over MLflow's REST API. */
  static final class Registry {
    private final String url;
    private final HttpClient http = HttpClient.newHttpClient();

    Registry(String url) {
      this.url = url;
    }

    /** A new run holding {@code modelDir} as its {@code model} artifact, as a new version. */
    String register(String name, Path modelDir) throws IOException, InterruptedException {
      JsonNode exp = post("/api/2.0/mlflow/experiments/get-by-name?experiment_name=serving", null);
      String expId = exp == null ? post("/api/2.0/mlflow/experiments/create",
          Map.of("name", "serving")).path("experiment_id").asText()
          : exp.path("experiment").path("experiment_id").asText();
      JsonNode run = post("/api/2.0/mlflow/runs/create", Map.of("experiment_id", expId))
          .path("run").path("info");
      String artifactUri = run.path("artifact_uri").asText();
      String root = artifactUri.replaceFirst("^mlflow-artifacts:/+", "");
      try (Stream<Path> files = Files.walk(modelDir)) {
        for (Path f : files.filter(Files::isRegularFile).toList()) {
          String rel = modelDir.relativize(f).toString().replace('\\', '/');
          HttpResponse<String> put = http.send(HttpRequest.newBuilder(URI.create(url
              + "/api/2.0/mlflow-artifacts/artifacts/" + root + "/model/" + rel))
              .PUT(HttpRequest.BodyPublishers.ofFile(f)).build(), HttpResponse.BodyHandlers.ofString());
          if (put.statusCode() != 200) throw new IOException("upload " + rel + ": " + put.body());
        }
      }
      post("/api/2.0/mlflow/registered-models/create", Map.of("name", name));
      return post("/api/2.0/mlflow/model-versions/create", Map.of("name", name,
          "source", artifactUri + "/model", "run_id", run.path("run_id").asText()))
          .path("model_version").path("version").asText();
    }

    void setAlias(String name, String alias, String version) throws IOException, InterruptedException {
      if (version == null || version.isEmpty()) throw new IllegalArgumentException("no version");
      Object ok = post("/api/2.0/mlflow/registered-models/alias",
          Map.of("name", name, "alias", alias, "version", version));
      if (ok == null) throw new IOException("setting alias " + alias + " of " + name + " failed");
    }

    /** POST with a body, GET without; null for a 4xx (e.g. already exists, not found). */
    private JsonNode post(String path, Object body) throws IOException, InterruptedException {
      HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url + path));
      if (body != null) {
        b.header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
      }
      HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() / 100 == 4) return null;
      if (r.statusCode() != 200) throw new IOException(path + ": HTTP " + r.statusCode() + " " + r.body());
      return JSON.readTree(r.body());
    }
  }
}
