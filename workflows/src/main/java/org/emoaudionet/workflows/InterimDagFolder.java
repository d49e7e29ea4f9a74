package org.emoaudionet.workflows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * INTERIM (branch {@code triggers}, to be replaced by the {@code schedules} branch's DAG file
 * loader): extra DAGs from the folder named by {@code EMO_DAGS_FOLDER} (or the system property
 * {@code emo.dags.folder}), one file per DAG in the DAG-file schema, written in JSON syntax (which
 * YAML reads too). Only what the data-trigger IT needs; unknown keys are refused naming the file.
 */
final class InterimDagFolder {
  private InterimDagFolder() {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> KEYS = Set.of("dag_id", "description", "tags", "task", "layout",
      "preset", "dataset_uri", "participant_level", "default_conf", "schedule", "data_trigger",
      "champion", "is_paused_upon_creation");
  private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h)");

  static List<DagDefinition> load() {
    String folder = System.getProperty("emo.dags.folder", System.getenv("EMO_DAGS_FOLDER"));
    if (folder == null || folder.isBlank()) return List.of();
    Path dir = Path.of(folder);
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException("EMO_DAGS_FOLDER " + dir.toAbsolutePath() + " is not a folder");
    }
    List<DagDefinition> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.sorted().toList()) {
        String n = f.getFileName().toString();
        if (n.endsWith(".yaml") || n.endsWith(".yml") || n.endsWith(".json")) out.add(read(f));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("reading DAG folder " + dir, e);
    }
    return out;
  }

  static DagDefinition read(Path file) {
    JsonNode n;
    try {
      n = JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new IllegalArgumentException("DAG file " + file + ": " + e.getMessage(), e);
    }
    for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      if (!KEYS.contains(k)) throw new IllegalArgumentException("DAG file " + file + ": unknown key '" + k + "'");
    }
    String id = text(n, "dag_id", file, null);
    String task = text(n, "task", file, null);
    Map<String, Object> conf = new LinkedHashMap<>();
    conf.put("layout", text(n, "layout", file, null));
    conf.put("task", task);
    conf.put("preset", text(n, "preset", file, "small"));
    if (n.hasNonNull("dataset_uri")) conf.put("dataset_uri", n.get("dataset_uri").asText());
    conf.putAll(Map.of("split", "speaker", "augment", true, "arch", "emoaudionet"));
    if (n.hasNonNull("default_conf")) {
      conf.putAll(JSON.convertValue(n.get("default_conf"), LinkedHashMap.class));
    }
    List<String> tags = new ArrayList<>();
    if (n.has("tags")) n.get("tags").forEach(t -> tags.add(t.asText()));
    DataTrigger trigger = null;
    if (n.hasNonNull("data_trigger")) {
      JsonNode t = n.get("data_trigger");
      trigger = new DataTrigger(text(t, "prefix", file, null),
          duration(text(t, "poll_interval", file, "30s"), file));
    }
    ChampionPolicy champion = n.hasNonNull("champion")
        ? new ChampionPolicy(n.get("champion").path("metric").asText(),
            n.get("champion").path("higher_is_better").asBoolean(true))
        : ChampionPolicy.defaultFor(task);
    return new DagDefinition(id, text(n, "description", file, ""), List.copyOf(tags),
        Map.copyOf(conf), n.path("participant_level").asBoolean(false),
        n.hasNonNull("schedule") ? n.get("schedule").asText() : null, trigger, champion,
        n.path("is_paused_upon_creation").asBoolean(false));
  }

  private static String text(JsonNode n, String key, Path file, String dflt) {
    JsonNode v = n.get(key);
    if (v == null || v.isNull()) {
      if (dflt == null) throw new IllegalArgumentException("DAG file " + file + ": '" + key + "' is missing");
      return dflt;
    }
    return v.asText();
  }

  static Duration duration(String text, Path file) {
    Matcher m = DURATION.matcher(text.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException("DAG file " + file + ": poll_interval '" + text
          + "' must be like 30s, 5m, 1h or 500ms");
    }
    long v = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "ms" -> Duration.ofMillis(v);
      case "s" -> Duration.ofSeconds(v);
      case "m" -> Duration.ofMinutes(v);
      default -> Duration.ofHours(v);
    };
  }
}
