package org.emoaudionet.api;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Airflow's variables, persisted as one file of the state folder ({@code variables.json}, mode
 * 600, replaced atomically on every change: StateFiles). Values are stored as given (a JSON
 * string as its text, any other JSON value as its JSON text) and masked only when shown.
 * Read once, then served from memory; one API process owns the file.
 */
@ApplicationScoped
public class VariableStore {
  @Inject ApiSettings settings;

  /** A stored variable; {@code id} is its creation order (Airflow's row id). */
  public record Stored(int id, String key, String value, String description) {}

  private Map<String, Stored> variables;
  private int nextId = 1;

  public synchronized List<Stored> all() {
    return List.copyOf(load().values());
  }

  public synchronized Optional<Stored> get(String key) {
    return Optional.ofNullable(load().get(key));
  }

  /** Creates it; false when the key exists already. */
  public synchronized boolean create(String key, String value, String description) {
    if (load().containsKey(key)) return false;
    Map<String, Stored> next = new LinkedHashMap<>(variables);
    next.put(key, new Stored(nextId, key, value, description));
    save(next, nextId + 1);
    return true;
  }

  public synchronized Stored update(Stored next) {
    Map<String, Stored> m = new LinkedHashMap<>(load());
    m.put(next.key(), next);
    save(m, nextId);
    return next;
  }

  public synchronized boolean delete(String key) {
    if (!load().containsKey(key)) return false;
    Map<String, Stored> m = new LinkedHashMap<>(variables);
    m.remove(key);
    save(m, nextId);
    return true;
  }

  private Path file() {
    return settings.apiStateDir().resolve("variables.json");
  }

  private Map<String, Stored> load() {
    if (variables == null) {
      Map<String, Stored> m = new LinkedHashMap<>();
      StateFiles.read(file()).ifPresent(n -> {
        nextId = Math.max(1, n.path("next_id").asInt(1));
        for (JsonNode v : n.path("variables")) {
          Stored s = new Stored(v.path("id").asInt(), v.path("key").asText(),
              v.path("value").isNull() ? null : v.path("value").asText(),
              v.path("description").isTextual() ? v.path("description").asText() : null);
          m.put(s.key(), s);
          nextId = Math.max(nextId, s.id() + 1);
        }
      });
      variables = m;
    }
    return variables;
  }

  /** Writes the file first: memory changes only once the change is on disk. */
  private void save(Map<String, Stored> next, int nextIdAfter) {
    List<Map<String, Object>> list = new ArrayList<>();
    for (Stored s : next.values()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", s.id());
      m.put("key", s.key());
      m.put("value", s.value());
      m.put("description", s.description());
      list.add(m);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("next_id", nextIdAfter);
    out.put("variables", list);
    StateFiles.write(file(), out);
    variables = next;
    nextId = nextIdAfter;
  }
}
