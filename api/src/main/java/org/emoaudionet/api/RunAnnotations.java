package org.emoaudionet.api;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What Temporal cannot hold for us: run notes (a memo cannot be changed from outside the
 * workflow) and deletions (the test server cannot delete executions). Kept as JSON in
 * {@code $EMO_HOME/api/}: {@code deleted-runs.json} maps a workflow id to the instant it was
 * deleted (executions started before it are hidden), {@code run-notes.json} maps it to a note.
 */
@ApplicationScoped
public class RunAnnotations {
  /** Airflow's {@code dag_run_note.content} is a VARCHAR(1000). */
  static final int NOTE_MAX = 1000;

  @Inject ApiSettings settings;
  @Inject ObjectMapper json;

  private Map<String, String> deleted;
  private Map<String, String> notes;

  public synchronized boolean hidden(RunRecord run) {
    String at = deleted().get(run.workflowId());
    return at != null && !run.started().isAfter(Instant.parse(at));
  }

  public synchronized void markDeleted(String workflowId, Instant at) {
    deleted().put(workflowId, at.toString());
    notes().remove(workflowId);
    save("deleted-runs.json", deleted);
    save("run-notes.json", notes);
  }

  public synchronized String note(String workflowId) {
    return notes().get(workflowId);
  }

  public synchronized boolean hasNote(String workflowId) {
    return notes().containsKey(workflowId);
  }

  public synchronized void setNote(String workflowId, String note) {
    notes().put(workflowId, note);
    save("run-notes.json", notes);
  }

  private Map<String, String> deleted() {
    if (deleted == null) deleted = load("deleted-runs.json");
    return deleted;
  }

  private Map<String, String> notes() {
    if (notes == null) notes = load("run-notes.json");
    return notes;
  }

  private Map<String, String> load(String name) {
    Path file = settings.apiStateDir().resolve(name);
    if (!Files.exists(file)) return new LinkedHashMap<>();
    try {
      return new LinkedHashMap<>(json.readValue(file.toFile(), new TypeReference<Map<String, String>>() {}));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private void save(String name, Map<String, String> data) {
    Path file = settings.apiStateDir().resolve(name);
    try {
      Files.createDirectories(file.getParent());
      Path tmp = file.resolveSibling(name + ".tmp");
      json.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), data);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
