package org.emoaudionet.api;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.emoaudionet.api.AirflowModels.DagVersion;
import org.emoaudionet.workflows.dag.DagCatalog;
import org.emoaudionet.workflows.dag.DagDefinition;

/**
 * Airflow's DAG versions: a new version each time a DAG's file has a content not seen before (by
 * SHA-256), numbered 1, 2, 3, ... The history, with each version's text for {@code dagSources},
 * is one JSON file per DAG under the state folder ({@code dag-versions/<dag_id>.json}); a process
 * adds the version it loaded the first time it is asked, so restarting with the same files adds
 * nothing. Version 1 keeps the id the API gave every DAG before versions were kept.
 */
@ApplicationScoped
public class DagVersions {
  @Inject DagCatalog catalog;
  @Inject ApiSettings settings;

  /** One recorded version: what the file said, and when this API first saw it. */
  public record Entry(int versionNumber, String sha256, Instant createdAt, String content) {}

  private final Map<String, List<Entry>> synced = new HashMap<>();

  /** Every version of the DAG, oldest first; the last one is what is loaded now. */
  public synchronized List<Entry> history(DagDefinition d) {
    List<Entry> known = synced.get(d.dagId());
    if (known != null) return known;
    String text = catalog.text(d.dagId()).orElse("");
    String sha = sha256(text);
    Path file = settings.apiStateDir().resolve("dag-versions").resolve(d.dagId() + ".json");
    List<Entry> entries = new ArrayList<>();
    StateFiles.read(file).ifPresent(n -> n.path("versions").forEach(v -> entries.add(entry(v))));
    if (entries.isEmpty() || !entries.get(entries.size() - 1).sha256().equals(sha)) {
      entries.add(new Entry(entries.size() + 1, sha, Instant.now().truncatedTo(ChronoUnit.MICROS), text));
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("dag_id", d.dagId());
      out.put("versions", entries.stream().map(DagVersions::json).toList());
      StateFiles.write(file, out);
    }
    List<Entry> fixed = List.copyOf(entries);
    synced.put(d.dagId(), fixed);
    return fixed;
  }

  public DagVersion latest(DagDefinition d) {
    List<Entry> h = history(d);
    return view(d, h.get(h.size() - 1));
  }

  public Optional<Entry> entry(DagDefinition d, int versionNumber) {
    return history(d).stream().filter(e -> e.versionNumber() == versionNumber).findFirst();
  }

  public List<DagVersion> all(DagDefinition d) {
    return history(d).stream().map(e -> view(d, e)).toList();
  }

  public DagVersion view(DagDefinition d, Entry e) {
    UUID id = UUID.nameUUIDFromBytes(("dag-version:" + d.dagId() + ":" + e.versionNumber())
        .getBytes(StandardCharsets.UTF_8));
    return new DagVersion(DagViews.BUNDLE, null, null, e.createdAt(), d.dagId(), d.dagId(), id,
        e.versionNumber());
  }

  private static Map<String, Object> json(Entry e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("version_number", e.versionNumber());
    m.put("sha256", e.sha256());
    m.put("created_at", e.createdAt().toString());
    m.put("content", e.content());
    return m;
  }

  private static Entry entry(JsonNode v) {
    return new Entry(v.path("version_number").asInt(), v.path("sha256").asText(),
        Instant.parse(v.path("created_at").asText()), v.path("content").asText());
  }

  static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
