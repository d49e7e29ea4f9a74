package org.emoaudionet.worker;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.emoaudionet.workflows.activity.DatasetRef;
import org.emoaudionet.workflows.activity.S3Keys;
import org.emoaudionet.workflows.conf.DataSourcePolicy;
import org.emoaudionet.workflows.conf.RunConf;

/**
 * The download task without Temporal: fetch a data set from wherever it is, verify it, check
 * every archive entry, and store it once under its SHA-256 as {@code datasets/sha256-<d>.tar.gz}.
 * A .tar.gz is stored as fetched; a .tar, .zip or folder is packed deterministically first. A
 * manifest CSV (a path, {@code file://} or {@code s3://} URI ending in {@code .csv}) is gathered
 * with the files it lists into a folder first ({@link ManifestBundle}).
 */
public final class DatasetStager {
  /** How refusals name the source: the conf key a run gives it by. */
  static final String FIELD = "dataset_uri";

  private final ArtifactStore store;
  private final LocalDatasets local;
  private final WorkerConfig config;
  private final Path scratch;
  private final DataSourcePolicy sources;
  private final HttpFetcher http;

  public DatasetStager(ArtifactStore store, LocalDatasets local, WorkerConfig config) {
    this.store = store;
    this.local = local;
    this.config = config;
    this.scratch = config.workDir().resolve("downloads");
    this.sources = config.dataSources();
    this.http = new HttpFetcher(sources, FIELD);
  }

  /** @param progress told "stage bytes" now and then (heartbeats) */
  public DatasetRef stage(String source, String checksum, TaskLog log, int attempt,
      HttpFetcher.Progress progress) throws IOException {
    if (source == null || source.isBlank()) {
      throw new IllegalArgumentException("conf.dataset_uri is empty: name a path or URI");
    }
    // the API checked this at trigger time; a conf can reach the worker another way, and the
    // roots, the hosts and DNS answers are this machine's now
    sources.check(FIELD, source);
    Files.createDirectories(scratch);
    Path work = Files.createTempDirectory(scratch, ".dl-");
    try {
      Path fetched = RunConf.namesCsv(source)
          ? gatherManifest(source.trim(), checksum, work, log, progress)
          : fetch(source.trim(), work, log, progress);
      Path tree = work.resolve("tree");
      Path upload;
      if (Files.isDirectory(fetched)) {
        if (Checksums.parse(checksum).isPresent()) {
          throw new IllegalArgumentException("conf.checksum is given but " + source
              + " is a folder: a checksum applies to an archive file");
        }
        upload = work.resolve("packed.tar.gz");
        Archives.packTarGz(fetched, upload);
        log.say("packed folder " + fetched + " deterministically (sorted entries, fixed times)");
        // a folder we downloaded (an S3 prefix) is kept unpacked for the next tasks on this worker
        tree = fetched.startsWith(work) ? fetched : null;
      } else {
        Optional<Checksums.Expected> expected =
            Checksums.expectedFor(checksum, fetched.getFileName().toString());
        if (expected.isPresent()) {
          log.say(Checksums.verify(fetched, expected.get(), source));
        } else {
          log.say("no checksum known for " + source + " (set conf.checksum md5:... or sha256:...)");
        }
        Archives.Kind kind = Archives.kindOf(fetched);
        if (kind == null) {
          throw new IllegalArgumentException(source
              + " is neither a folder nor a .tar.gz, .tgz, .tar or .zip archive");
        }
        Archives.extract(fetched, tree, source); // refuses unsafe entries before anything is stored
        log.say("checked and unpacked every entry of " + source);
        if (kind == Archives.Kind.TAR_GZ) {
          upload = fetched;
        } else {
          upload = work.resolve("packed.tar.gz");
          Archives.packTarGz(tree, upload);
          log.say("repacked " + kind.name().toLowerCase(Locale.ROOT) + " as a deterministic tar.gz");
        }
      }
      String digest = Digests.sha256(upload);
      String key = S3Keys.dataset(digest);
      long size = Files.size(upload);
      boolean reused = store.exists(key);
      if (reused) {
        log.say("already stored: " + store.uri(key) + " (same content digest), not uploaded again");
      } else {
        store.putFile(key, upload);
        log.say("stored " + size + " bytes as " + store.uri(key));
      }
      if (tree != null) local.adopt(tree, local.dirFor(digest));
      return new DatasetRef(key, store.uri(key), digest, size, reused, log.text(), attempt);
    } finally {
      LocalDatasets.deleteTree(work);
    }
  }

  /** A manifest CSV and the files it lists, as a folder under {@code work}. */
  private Path gatherManifest(String source, String checksum, Path work, TaskLog log,
      HttpFetcher.Progress progress) throws IOException {
    if (Checksums.parse(checksum).isPresent()) {
      throw new IllegalArgumentException("conf.checksum is given but " + source + " is a manifest"
          + " CSV, gathered with its files: a checksum applies to an archive file");
    }
    String lower = source.toLowerCase(Locale.ROOT);
    Path tree = work.resolve("manifest");
    if (lower.startsWith("s3://")) {
      S3Source src = S3Source.parse(source, "dataset URI", "s3://bucket/key.csv");
      return ManifestBundle.gatherS3(src, src.store(store, config), tree, progress, log);
    }
    if (!lower.startsWith("file:") && lower.matches("^[a-z][a-z0-9+.-]*://.*")) {
      throw new IllegalArgumentException("dataset URI " + source + " names a manifest CSV by a"
          + " scheme its listed files cannot be fetched beside it from; a CSV is read from a local"
          + " path, file:// or s3:// (or pack the CSV and its files as an archive)");
    }
    Path csv = sources.localPath(FIELD, source);
    log.say("using local manifest " + csv);
    return ManifestBundle.gatherLocal(source, csv, tree, log, sources);
  }

  /** The source as a local file or folder: downloaded into {@code work} when remote. */
  private Path fetch(String source, Path work, TaskLog log, HttpFetcher.Progress progress)
      throws IOException {
    String lower = source.toLowerCase(Locale.ROOT);
    if (lower.startsWith("http://") || lower.startsWith("https://")) {
      URI uri = URI.create(source);
      Path target = work.resolve(fileName(uri.getPath(), "download"));
      log.say("downloading " + source);
      long n = http.fetch(uri, target, progress);
      log.say("downloaded " + n + " bytes");
      return target;
    }
    if (lower.startsWith("s3://")) {
      S3Source src = S3Source.parse(source, "dataset URI",
          "s3://bucket/key (one object) or s3://bucket/prefix/ (every object under it)");
      ArtifactStore there = src.store(store, config);
      // The prefix's folder is then stored like any folder (packed deterministically), so the
      // same objects under the same relative keys give the same digest and the cache hits.
      if (src.isPrefix()) return src.downloadPrefix(there, work.resolve("prefix"), progress, log);
      Path target = work.resolve(fileName(src.key(), "object"));
      src.downloadObject(there, target, log);
      return target;
    }
    // the real path the policy checked, links resolved: what is read is what was allowed
    Path path = sources.localPath(FIELD, source);
    if (!Files.exists(path)) {
      throw new IllegalArgumentException("dataset path " + path
          + " does not exist (on worker " + hostName() + ")");
    }
    log.say("using local " + (Files.isDirectory(path) ? "folder " : "file ") + path);
    return path;
  }

  private static String fileName(String path, String fallback) {
    String n = path == null ? "" : path.substring(path.lastIndexOf('/') + 1);
    return n.isBlank() || n.equals(".") || n.equals("..") ? fallback : n;
  }

  static String hostName() {
    try {
      return java.net.InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "?";
    }
  }
}
