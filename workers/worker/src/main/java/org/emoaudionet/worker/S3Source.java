package org.emoaudionet.worker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * An {@code s3://} URI a task reads from (a data set, an imported model): one object, or every
 * object under a prefix when the key ends in {@code /}. Another bucket than the platform's is
 * read with the worker's credentials.
 *
 * @param what how errors name the source, e.g. {@code dataset URI} or {@code conf.import_model}
 */
record S3Source(String uri, String bucket, String key, String what) {

  /** @param forms the accepted shapes, said when {@code uri} has none of them */
  static S3Source parse(String uri, String what, String forms) {
    String rest = uri.substring("s3://".length());
    int slash = rest.indexOf('/');
    if (slash <= 0 || slash == rest.length() - 1) {
      throw new IllegalArgumentException(what + " " + uri + " must be " + forms);
    }
    return new S3Source(uri, rest.substring(0, slash), rest.substring(slash + 1), what);
  }

  boolean isPrefix() {
    return key.endsWith("/");
  }

  /** The store of this source's bucket: {@code home} when it is the platform's own. */
  ArtifactStore store(ArtifactStore home, WorkerConfig config) {
    return bucket.equals(home.bucket()) ? home
        : new ArtifactStore(config.s3Endpoint(), config.s3AccessKey(), config.s3SecretKey(), bucket);
  }

  /** Downloads the single object to {@code target}; a missing one is bad input, named. */
  void downloadObject(ArtifactStore there, Path target, TaskLog log) throws IOException {
    if (!there.exists(key)) throw new IllegalArgumentException(what + " " + uri + ": no such object");
    there.getFile(key, target);
    log.say("fetched " + uri + " (" + Files.size(target) + " bytes)");
  }

  /**
   * Every object under the prefix into {@code tree}, by its key relative to the prefix. Every
   * key is checked before anything is downloaded: one that would leave the folder refuses the
   * whole source.
   */
  Path downloadPrefix(ArtifactStore there, Path tree, HttpFetcher.Progress progress, TaskLog log)
      throws IOException {
    List<ArtifactStore.Listed> objects = there.list(key);
    if (objects.isEmpty()) {
      throw new IllegalArgumentException(what + " " + uri + ": no objects under this prefix");
    }
    Path root = Files.createDirectories(tree).toRealPath();
    List<Path> targets = new ArrayList<>();
    for (ArtifactStore.Listed o : objects) {
      targets.add(inside(root, o.key().substring(key.length()), o.key()));
    }
    long total = objects.stream().mapToLong(ArtifactStore.Listed::size).sum();
    long done = 0;
    for (int i = 0; i < objects.size(); i++) {
      there.getFile(objects.get(i).key(), targets.get(i));
      done += objects.get(i).size();
      progress.bytes(done, total);
    }
    log.say("fetched " + objects.size() + " objects (" + total + " bytes) under " + uri);
    return root;
  }

  /** Where an object goes in {@code tree}; keys that would leave it are refused by name. */
  Path inside(Path tree, String relative, String objectKey) {
    String why = null;
    if (relative.isEmpty()) why = "has an empty name below the prefix";
    else if (relative.startsWith("/") || relative.startsWith("\\") || relative.matches("^[A-Za-z]:.*")) {
      why = "is an absolute path below the prefix";
    } else {
      for (String part : relative.split("[/\\\\]")) {
        if (part.equals("..")) why = "has '..' in its path";
      }
    }
    Path target = tree.resolve(relative).normalize();
    if (why == null && !target.startsWith(tree)) why = "leads outside the target folder";
    if (why != null) {
      throw new IllegalArgumentException(what + " " + uri + ": object key '" + objectKey + "' "
          + why + "; refused");
    }
    return target;
  }
}
