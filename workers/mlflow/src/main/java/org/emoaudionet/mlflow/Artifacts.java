package org.emoaudionet.mlflow;

import static org.emoaudionet.mlflow.MlflowHttp.enc;
import static org.emoaudionet.mlflow.MlflowHttp.encodePath;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Artifacts: a run's listing ({@code /api/2.0/mlflow/artifacts/list}) and the artifact proxy
 * ({@code /api/2.0/mlflow-artifacts/artifacts}), which moves the bytes. Proxy paths are what
 * {@link ArtifactUri#proxyPath} gives.
 */
public final class Artifacts {
  private static final String PROXY = "/api/2.0/mlflow-artifacts/artifacts";
  // Generous: a model or a feature cache of some hundred MB through a busy proxy.
  private static final Duration UPLOAD_TIMEOUT = Duration.ofMinutes(30);
  private static final Duration DOWNLOAD_TIMEOUT = Duration.ofMinutes(10);

  private final MlflowHttp http;

  Artifacts(MlflowHttp http) {
    this.http = http;
  }

  /** The run's artifacts directly under {@code path} ("" for the top), as the UI lists them. */
  public List<FileInfo> list(String runId, String path) throws IOException {
    List<FileInfo> out = new ArrayList<>();
    http.get("/api/2.0/mlflow/artifacts/list?run_id=" + enc(runId)
        + (path.isEmpty() ? "" : "&path=" + enc(path))).path("files")
        .forEach(f -> out.add(FileInfo.of(f)));
    return out;
  }

  /** Every file of the run, at most {@code maxDepth} folders down (paths from the run's root). */
  public List<String> listFiles(String runId, int maxDepth) throws IOException {
    List<String> out = new ArrayList<>();
    listFilesInto(runId, "", out, maxDepth);
    return out;
  }

  private void listFilesInto(String runId, String path, List<String> out, int depthLeft)
      throws IOException {
    for (FileInfo f : list(runId, path)) {
      if (!f.isDir()) {
        out.add(f.path());
      } else if (depthLeft > 0) {
        listFilesInto(runId, f.path(), out, depthLeft - 1);
      }
    }
  }

  /**
   * What the proxy holds directly under {@code proxyPath}, by base name; empty for a folder it
   * does not know (the proxy answers those either with nothing or with 404, depending on store).
   */
  public List<FileInfo> listProxied(String proxyPath) throws IOException {
    List<FileInfo> out = new ArrayList<>();
    try {
      http.get(PROXY + "?path=" + enc(proxyPath)).path("files")
          .forEach(f -> out.add(FileInfo.of(f)));
    } catch (MlflowException e) {
      if (!e.missing()) throw e;
    }
    return out;
  }

  /** Uploads one file to {@code root/relPath} through the proxy. */
  public void upload(String root, String relPath, Path file) throws IOException {
    http.put(PROXY + "/" + encodePath(root) + "/" + encodePath(relPath), file, UPLOAD_TIMEOUT);
  }

  /** Uploads every file of {@code dir} to its relative path under {@code root/prefix}. */
  public int uploadDir(String root, String prefix, Path dir) throws IOException {
    int n = 0;
    for (Path f : files(dir)) {
      String rel = dir.relativize(f).toString().replace('\\', '/');
      upload(root, prefix.isEmpty() ? rel : prefix + "/" + rel, f);
      n++;
    }
    return n;
  }

  /** One artifact as text, as stored ({@code MLmodel}, an input example). */
  public String readText(String proxyPath) throws IOException {
    return http.text(PROXY + "/" + encodePath(proxyPath));
  }

  /** One artifact into file {@code to}. */
  public void download(String proxyPath, Path to) throws IOException {
    http.download(PROXY + "/" + encodePath(proxyPath), to, DOWNLOAD_TIMEOUT);
  }

  /** The regular files under {@code dir}, in name order: uploads are reproducible. */
  static List<Path> files(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).sorted().toList();
    }
  }
}
