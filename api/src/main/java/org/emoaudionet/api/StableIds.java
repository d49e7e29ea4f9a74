package org.emoaudionet.api;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Airflow's integer ids (assets, asset events, import errors) for things this platform names by
 * text (an S3 prefix, a run, a file): 1, 2, 3, ... in order of first sight, kept in one file of
 * the state folder so an id never changes or is reused, across restarts too.
 */
final class StableIds {
  private final Path file;
  private final Map<String, Integer> ids = new LinkedHashMap<>();
  private int next = 1;

  StableIds(Path file) {
    this.file = file;
    StateFiles.read(file).ifPresent(n -> {
      n.path("ids").fields().forEachRemaining(e -> ids.put(e.getKey(), e.getValue().asInt()));
      next = Math.max(n.path("next").asInt(1), ids.values().stream().mapToInt(i -> i + 1).max().orElse(1));
    });
  }

  /** The id of {@code key}, given one now if it has none. */
  synchronized int of(String key) {
    Integer id = ids.get(key);
    if (id != null) return id;
    int assigned = next++;
    ids.put(key, assigned);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("next", next);
    out.put("ids", ids);
    StateFiles.write(file, out);
    return assigned;
  }

  /** The key that has {@code id}, if any. */
  synchronized Optional<String> key(int id) {
    return ids.entrySet().stream().filter(e -> e.getValue() == id).map(Map.Entry::getKey).findFirst();
  }

}
