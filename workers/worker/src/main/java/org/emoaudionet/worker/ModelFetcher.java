package org.emoaudionet.worker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Fetches {@code conf.import_model} into a local folder: a local folder or {@code file://} URI
 * (copied, links refused), {@code s3://bucket/prefix/} (every object under it, by its key below
 * the prefix) or a {@code .tar.gz} anywhere (unpacked with the download task's entry checks). An
 * archive whose files sit in one top folder is taken from that folder.
 */
final class ModelFetcher {
  private final ArtifactStore store;
  private final WorkerConfig config;

  ModelFetcher(ArtifactStore store, WorkerConfig config) {
    this.store = store;
    this.config = config;
  }

  /** The model's folder, somewhere under {@code work} (an empty folder). */
  Path fetch(String source, Path work, TaskLog log, HttpFetcher.Progress progress)
      throws IOException {
    config.dataSources().check("import_model", source); // again: the worker's own roots decide
    String lower = source.toLowerCase(Locale.ROOT);
    Path tree = work.resolve("model");
    if (lower.startsWith("s3://")) {
      S3Source src = S3Source.parse(source, "conf.import_model",
          "s3://bucket/prefix/ or s3://bucket/key.tar.gz");
      ArtifactStore there = src.store(store, config);
      if (src.isPrefix()) return src.downloadPrefix(there, tree, progress, log);
      Path archive = work.resolve("model.tar.gz");
      src.downloadObject(there, archive, log);
      return unpack(archive, tree, source);
    }
    // only inside the data roots, and by its real path: the model is read from what was checked
    Path path = config.dataSources().localPath("import_model", source);
    if (Files.isDirectory(path)) {
      copyTree(path, tree, source);
      log.say("copied local folder " + path);
      return tree;
    }
    if (Files.isRegularFile(path)) return unpack(path, tree, source);
    throw new IllegalArgumentException("conf.import_model " + source + ": " + path
        + " does not exist on worker " + hostName());
  }

  private static Path unpack(Path archive, Path tree, String source) throws IOException {
    Archives.extract(archive, tree, source);
    // a tar of the folder itself (tar czf m.tar.gz my-model/) has one top folder: use it
    try (Stream<Path> top = Files.list(tree)) {
      List<Path> entries = top.toList();
      if (entries.size() == 1 && Files.isDirectory(entries.get(0), LinkOption.NOFOLLOW_LINKS)) {
        return entries.get(0);
      }
    }
    return tree;
  }

  /** A plain copy; a link could reach files outside the model, so it is refused by name. */
  private static void copyTree(Path from, Path to, String source) throws IOException {
    try (Stream<Path> all = Files.walk(from)) {
      for (Path p : (Iterable<Path>) all::iterator) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isSymbolicLink(p)) {
          throw new IllegalArgumentException("conf.import_model " + source + ": " + p
              + " is a symbolic link; copy the model without links");
        }
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }

  private static String hostName() {
    try {
      return java.net.InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "?";
    }
  }
}
