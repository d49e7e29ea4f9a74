package org.emoaudionet.worker;

import java.io.IOException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.emoaudionet.workflows.activity.ObservePrefixActivity;
import org.emoaudionet.workflows.activity.ObservePrefixInput;
import org.emoaudionet.workflows.activity.PrefixSnapshot;
import org.emoaudionet.workflows.activity.S3Keys;
import org.emoaudionet.workflows.dag.DagState;

/**
 * Lists a data trigger's prefix and reads its DAG's pause state. The digest is over (key, ETag,
 * size) of every object, sorted by key: listing gives them without reading any content, and a
 * rewrite with other bytes changes the ETag.
 */
public final class ObservePrefixActivityImpl implements ObservePrefixActivity {

  private final WorkerContext ctx;

  public ObservePrefixActivityImpl(WorkerContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public PrefixSnapshot observe(ObservePrefixInput in) {
    return WorkerContext.guarded(() -> snapshot(in));
  }

  PrefixSnapshot snapshot(ObservePrefixInput in) throws IOException {
    String p = in.prefix() == null ? "" : in.prefix();
    int slash = p.startsWith("s3://") ? p.indexOf('/', 5) : -1;
    if (slash <= 5 || !p.endsWith("/")) {
      throw new IllegalArgumentException("data_trigger.prefix '" + in.prefix() + "' of DAG "
          + in.dagId() + " must be s3://bucket/prefix/");
    }
    String bucket = p.substring(5, slash);
    String prefix = p.substring(slash + 1);
    ArtifactStore there = bucket.equals(ctx.store.bucket()) ? ctx.store
        : new ArtifactStore(ctx.config.s3Endpoint(), ctx.config.s3AccessKey(),
            ctx.config.s3SecretKey(), bucket);
    List<ArtifactStore.Listed> objects = there.list(prefix);
    MessageDigest md = Digests.digest("SHA-256");
    long bytes = 0;
    for (ArtifactStore.Listed o : objects) {
      // NUL and newline cannot be part of the fields, so no two listings hash the same text
      md.update((o.key() + "\0" + o.etag() + "\0" + o.size() + "\n")
          .getBytes(java.nio.charset.StandardCharsets.UTF_8));
      bytes += o.size();
    }
    return new PrefixSnapshot(HexFormat.of().formatHex(md.digest()), objects.size(), bytes,
        paused(in));
  }

  /** The DAG's {@code is_paused} from its state object; none written: the DAG file's default. */
  boolean paused(ObservePrefixInput in) throws IOException {
    String key = S3Keys.dagState(in.dagId());
    Optional<String> text = ctx.store.readText(key);
    if (text.isEmpty()) return in.pausedUponCreation();
    return DagState.fromJson(text.get(), ctx.store.uri(key)).isPaused();
  }
}
