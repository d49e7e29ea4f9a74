package org.emoaudionet.api.serving;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;
import org.emoaudionet.api.ApiException;
import org.emoaudionet.api.ApiSettings;
import org.emoaudionet.model.ScoringModel;
import org.emoaudionet.model.ScoringModels;
import org.jboss.logging.Logger;

/**
 * The model versions the API has open, least recently used first out. A version's files are
 * downloaded once into {@code emo.home/serving/<name>/v<version>-<source digest>/}; an evicted
 * model is closed when the last request using it is done. Requests resolve the alias themselves,
 * so a new champion is simply a new key here — nothing polls.
 */
@ApplicationScoped
public class LoadedModels {
  private static final Logger LOG = Logger.getLogger(LoadedModels.class);

  @Inject ApiSettings api;
  @Inject ServingSettings settings;
  @Inject MlflowRegistry registry;

  private final LinkedHashMap<String, Entry> byKey = new LinkedHashMap<>(16, 0.75f, true);

  /** A model in use by one request; {@link #close()} hands it back. */
  public interface Lease extends AutoCloseable {
    ScoringModel model();

    @Override
    void close();
  }

  public Lease acquire(ModelVersion v) throws IOException {
    Entry e;
    List<Entry> evicted = new ArrayList<>();
    synchronized (this) {
      e = byKey.computeIfAbsent(v.key(), k -> new Entry(v));
      e.leases++;
      Iterator<Entry> it = byKey.values().iterator();
      while (byKey.size() > settings.cacheSize() && it.hasNext()) {
        Entry old = it.next();
        if (old != e) {
          it.remove();
          evicted.add(old);
        }
      }
    }
    evicted.forEach(this::retire);
    try {
      e.ensureLoaded();
    } catch (IOException | RuntimeException | Error failed) {
      synchronized (this) {
        byKey.remove(v.key(), e); // the next request tries again
      }
      release(e);
      throw failed;
    }
    return new Lease() {
      private boolean closed;

      @Override
      public ScoringModel model() {
        return e.model;
      }

      @Override
      public void close() {
        if (!closed) {
          closed = true;
          release(e);
        }
      }
    };
  }

  /** Model versions open now, most recently used last (for tests and logs). */
  public synchronized List<String> open() {
    List<String> out = new ArrayList<>();
    byKey.values().forEach(e -> out.add(e.version.name() + "@" + e.version.version()));
    return out;
  }

  private void retire(Entry e) {
    synchronized (this) {
      e.retired = true;
      if (e.leases > 0) return;
    }
    e.closeModel();
  }

  private void release(Entry e) {
    synchronized (this) {
      e.leases--;
      if (!e.retired || e.leases > 0) return;
    }
    e.closeModel();
  }

  @PreDestroy
  void closeAll() {
    List<Entry> all;
    synchronized (this) {
      all = new ArrayList<>(byKey.values());
      byKey.clear();
    }
    all.forEach(this::retire);
  }

  Path folder(ModelVersion v) {
    return api.home().resolve("serving").resolve(safe(v.name()))
        .resolve("v" + v.version() + "-" + digest(v.source()));
  }

  private final class Entry {
    final ModelVersion version;
    int leases;
    boolean retired;
    volatile ScoringModel model;

    Entry(ModelVersion version) {
      this.version = version;
    }

    synchronized void ensureLoaded() throws IOException {
      if (model != null) return;
      Path dir = folder(version);
      if (!Files.isDirectory(dir)) {
        Path tmp = dir.resolveSibling(dir.getFileName() + ".tmp-" + UUID.randomUUID());
        try {
          registry.download(version, tmp);
          Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
        } finally {
          deleteTree(tmp);
        }
        LOG.infof("downloaded %s version %d from %s into %s", version.name(), version.version(),
            version.source(), dir);
      }
      // One request at a time per model: DJL's PyTorch inference is not documented thread-safe.
      ScoringModel opened;
      try {
        opened = ScoringModels.load(dir);
      } catch (IOException | RuntimeException e) {
        // The registry points at something this API cannot open: say which version and why.
        throw new ApiException(500, "cannot open " + version.name() + " version "
            + version.version() + " (" + version.source() + "): " + e.getMessage());
      }
      model = new SerialModel(opened);
      LOG.infof("serving %s version %d (task %s)", version.name(), version.version(),
          model.task().name());
    }

    synchronized void closeModel() {
      if (model != null) {
        model.close();
        LOG.infof("closed %s version %d", version.name(), version.version());
        model = null;
      }
    }
  }

  private static String safe(String name) {
    return name.replaceAll("[^A-Za-z0-9._-]", "_");
  }

  private static String digest(String s) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void deleteTree(Path p) throws IOException {
    if (!Files.exists(p)) return;
    try (var s = Files.walk(p)) {
      for (Path x : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(x);
    }
  }
}
