package org.emoaudionet.worker;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import org.emoaudionet.pipeline.DatasetUri;
import org.emoaudionet.spec.Layout;
import org.emoaudionet.workflows.activity.DatasetRef;
import org.emoaudionet.workflows.conf.RunConf;

/**
 * The worker-local copy of stored data sets, unpacked once per digest under
 * {@code EMO_WORK_DIR/datasets/sha256-<digest>/} (several workers on one machine may share it:
 * a copy appears by an atomic rename only when complete).
 */
public final class LocalDatasets {
  private final ArtifactStore store;
  private final Path base;

  public LocalDatasets(ArtifactStore store, Path workDir) {
    this.store = store;
    this.base = workDir.resolve("datasets");
  }

  public Path dirFor(String digest) {
    return base.resolve("sha256-" + digest);
  }

  /** The unpacked data set, fetched from S3 unless this machine already has it. */
  public Path materialize(DatasetRef ref, TaskLog log) throws IOException {
    Path dir = dirFor(ref.digest());
    if (Files.isDirectory(dir)) {
      log.say("data set already unpacked on this worker: " + dir);
      return dir;
    }
    Files.createDirectories(base);
    Path tmp = Files.createTempDirectory(base, ".unpack-");
    Path archive = tmp.resolve("data.tar.gz");
    store.getFile(ref.key(), archive);
    Archives.extract(archive, tmp.resolve("tree"), ref.uri());
    adopt(tmp.resolve("tree"), dir);
    deleteTree(tmp);
    log.say("fetched " + ref.uri() + " and unpacked it to " + dir);
    return dir;
  }

  /** Moves a complete unpacked tree into place; a concurrent copy that won is kept. */
  void adopt(Path tree, Path dir) throws IOException {
    Files.createDirectories(base);
    if (!Files.exists(dir)) {
      try {
        Files.move(tree, dir, StandardCopyOption.ATOMIC_MOVE);
        return;
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tree, dir);
        return;
      } catch (IOException e) {
        if (!Files.isDirectory(dir)) throw e;
        // another worker on this machine put the same content there first
      }
    }
    deleteTree(tree);
  }

  /**
   * The manifest's name in the stored tree: the CSV's own name when {@code dataset_uri} names the
   * CSV ({@link ManifestBundle} keeps it at the top), else {@code extra.manifest} or
   * {@code manifest.csv}.
   */
  public static String manifestName(RunConf conf) {
    if (RunConf.namesCsv(conf.datasetUri())) return ManifestBundle.csvName(conf.datasetUri());
    String m = conf.extra() == null ? null : conf.extra().get("manifest");
    return m == null || m.isBlank() ? "manifest.csv" : m;
  }

  /**
   * The core's DatasetUri for an unpacked tree: one lone top folder (as in most archives) is
   * entered; a manifest names its CSV inside.
   */
  public static DatasetUri datasetUri(Path tree, RunConf conf) throws IOException {
    Layout layout = Layout.parse(conf.layout());
    Path root = tree;
    if (layout.namesFile()) {
      String name = manifestName(conf);
      if (!Files.isRegularFile(root.resolve(name))) root = loneFolder(root);
      Path csv = root.resolve(name);
      if (!Files.isRegularFile(csv)) {
        throw new IllegalArgumentException("data set " + conf.datasetUri() + " has no manifest '"
            + name + "' at its top (set extra.manifest to its relative path)");
      }
      return new DatasetUri(layout, csv);
    }
    return new DatasetUri(layout, loneFolder(root));
  }

  private static Path loneFolder(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      List<Path> children = s.filter(p -> !p.getFileName().toString().startsWith(".")).toList();
      if (children.size() == 1 && Files.isDirectory(children.get(0))) return children.get(0);
    }
    return dir;
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) return;
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
