package org.emoaudionet.worker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.emoaudionet.features.FeatureSet;
import org.emoaudionet.workflows.activity.FeaturesRef;

/** The S3 cache of preprocess and augment outputs ({@code cache/<step>/<key>.emof}). */
final class FeatureCache {
  private FeatureCache() {}

  static Optional<FeaturesRef> lookup(WorkerContext ctx, String key, String cacheKey, TaskLog log,
      int attempt) throws IOException {
    Optional<ArtifactStore.ObjectInfo> hit = ctx.store.stat(key);
    if (hit.isEmpty()) {
      log.say("cache miss: " + key);
      return Optional.empty();
    }
    log.say("cache hit: " + key + " (same input digest, step config and code version): skipped");
    int segments = -1;
    String n = ctx.store.metadata(key).get("segments");
    if (n != null) segments = Integer.parseInt(n);
    return Optional.of(new FeaturesRef(key, ctx.store.uri(key), cacheKey, true, segments,
        log.text(), attempt));
  }

  static FeaturesRef store(WorkerContext ctx, String key, String cacheKey, FeatureSet fs,
      TaskLog log, int attempt) throws IOException {
    Path local = ctx.config.workDir().resolve(key);
    fs.write(local);
    ctx.store.putFile(key, local, Map.of("segments", Integer.toString(fs.segments().size())));
    log.say(fs.segments().size() + " segments written to " + ctx.store.uri(key) + " ("
        + Files.size(local) + " bytes)");
    return new FeaturesRef(key, ctx.store.uri(key), cacheKey, false, fs.segments().size(),
        log.text(), attempt);
  }
}
