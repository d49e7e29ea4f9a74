package org.emoaudionet.api.serving;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.emoaudionet.api.ApiException;
import org.emoaudionet.mlflow.ArtifactUri;
import org.emoaudionet.mlflow.FileInfo;
import org.emoaudionet.mlflow.MlflowClient;
import org.emoaudionet.mlflow.MlflowException;
import org.emoaudionet.mlflow.MlflowUnreachableException;

/**
 * The registered models the endpoint serves: alias or version to a model version, and the
 * version's files downloaded through MLflow's artifact proxy (so the API needs no S3 credentials
 * of its own). MLflow's failures become HTTP answers here: 502 when MLflow answered wrongly, 503
 * when it did not answer, so that a client can tell "retry later" from "the registry is broken".
 */
@ApplicationScoped
public class MlflowRegistry {
  @Inject ServingSettings settings;

  private volatile MlflowClient client;

  public Optional<ModelVersion> byAlias(String name, String alias) {
    return ask(() -> mlflow().registry().aliased(name, alias)).map(MlflowRegistry::of);
  }

  public Optional<ModelVersion> byVersion(String name, int version) {
    return ask(() -> mlflow().registry().version(name, Integer.toString(version)))
        .map(MlflowRegistry::of);
  }

  /** The highest version number of {@code name}, if it has any. */
  public Optional<ModelVersion> latest(String name) {
    return ask(() -> mlflow().registry().latest(name)).map(MlflowRegistry::of);
  }

  public boolean exists(String name) {
    return ask(() -> mlflow().registry().exists(name));
  }

  /** Every file under the version's source folder, into {@code dir} (created). */
  public void download(ModelVersion v, Path dir) throws IOException {
    String root = artifactPath(v);
    Files.createDirectories(dir);
    downloadInto(root, "", dir, 0);
  }

  private void downloadInto(String root, String rel, Path dir, int depth) throws IOException {
    String listed = rel.isEmpty() ? root : root + "/" + rel;
    List<FileInfo> files = call(() -> mlflow().artifacts().listProxied(listed));
    if (depth == 0 && files.isEmpty()) {
      throw new ApiException(502, "model source " + listed + " has no files in MLflow's "
          + "artifact store");
    }
    for (FileInfo f : files) {
      // The proxy lists base names; a name that could climb out of the folder is refused.
      Path base = Path.of(f.path()).getFileName();
      String name = base == null ? "" : base.toString();
      if (name.isEmpty() || name.equals("..") || name.equals(".")) {
        throw new ApiException(502, "MLflow listed an unusable artifact name under " + listed
            + ": '" + f.path() + "'");
      }
      String child = rel.isEmpty() ? name : rel + "/" + name;
      if (f.isDir()) {
        if (depth >= 8) throw new ApiException(502, "model folder too deep at " + child);
        Files.createDirectories(dir.resolve(child));
        downloadInto(root, child, dir, depth + 1);
      } else {
        Path to = dir.resolve(child);
        call(() -> {
          mlflow().artifacts().download(root + "/" + child, to);
          return null;
        });
      }
    }
  }

  /** {@code <exp>/<run>/artifacts/model} from {@code mlflow-artifacts:/...} (or {@code ://host/...}). */
  static String artifactPath(ModelVersion v) {
    String s = v.source();
    if (!ArtifactUri.proxied(s)) {
      throw new ApiException(502, "model " + v.name() + " version " + v.version()
          + " has source " + s + ": only mlflow-artifacts:/ sources (MLflow's artifact proxy) "
          + "can be served");
    }
    String rest = ArtifactUri.proxyPath(s);
    if (rest.isEmpty() || List.of(rest.split("/")).contains("..")) {
      throw new ApiException(502, "model " + v.name() + " version " + v.version()
          + " has an unusable source " + s);
    }
    return rest;
  }

  private static ModelVersion of(org.emoaudionet.mlflow.ModelVersion v) {
    return new ModelVersion(v.name(), v.number(), v.source(), v.runId());
  }

  private MlflowClient mlflow() {
    MlflowClient c = client;
    if (c == null) {
      synchronized (this) {
        if (client == null) {
          // Serving answers a person waiting: give up on MLflow sooner than the worker does.
          client = new MlflowClient(settings.mlflowUri(), Duration.ofSeconds(5),
              Duration.ofSeconds(30));
        }
        c = client;
      }
    }
    return c;
  }

  private interface Call<T> {
    T run() throws IOException;
  }

  /** MLflow's failures become the API's answer; a local file error stays an IOException. */
  private static <T> T call(Call<T> call) throws IOException {
    try {
      return call.run();
    } catch (MlflowException e) {
      throw new ApiException(502, e.getMessage());
    } catch (MlflowUnreachableException e) {
      throw new ApiException(503, e.getMessage());
    }
  }

  /** As {@link #call} for a look-up, which touches no file: what is left is an interrupt. */
  private static <T> T ask(Call<T> call) {
    try {
      return call(call);
    } catch (IOException e) {
      throw new ApiException(503, "interrupted while calling MLflow: " + e.getMessage());
    }
  }
}
