package org.emoaudionet.worker;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.emoaudionet.workflows.activity.PromoteInput;
import org.emoaudionet.workflows.activity.S3Keys;

/**
 * {@code promotion.json} of one run, next to its other results in S3: the decision is written
 * there before the alias moves, so that a retried attempt finds it and applies the same decision
 * again instead of re-deciding against a champion it may itself have just installed.
 */
final class PromotionRecord {
  static final String FILE = "promotion.json";

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final ArtifactStore store;
  private final String key;
  private final Path file;

  /** @param dir this attempt's scratch folder, where the file is written before it is stored */
  PromotionRecord(ArtifactStore store, PromoteInput in, Path dir) {
    this.store = store;
    this.key = S3Keys.run(in.dagId(), in.dagRunId(), FILE);
    this.file = dir.resolve(FILE);
  }

  /** Where the record lies in S3. */
  String uri() {
    return store.uri(key);
  }

  /** The local copy, as stored or as fetched: what is logged as the MLflow run's artifact. */
  Path file() {
    return file;
  }

  /**
   * The decision an earlier attempt recorded for the same candidate version of the same model,
   * if any; another candidate's (the run's promote re-run for another version) does not count.
   */
  Optional<Promotion> earlier(PromoteInput in) throws IOException {
    if (!store.exists(key)) return Optional.empty();
    store.getFile(key, file);
    Promotion p = read(file);
    if (!in.candidateVersion().equals(p.candidateVersion())
        || !in.registeredModel().equals(p.registeredModel())) {
      return Optional.empty();
    }
    return Optional.of(p);
  }

  /** Writes the file and stores it; the alias may move only after this. */
  void save(Promotion p) throws IOException {
    write(p, file);
    store.putFile(key, file);
  }

  static void write(Promotion p, Path file) throws IOException {
    Files.writeString(file, JSON.writeValueAsString(p));
  }

  static Promotion read(Path file) throws IOException {
    return JSON.readValue(file.toFile(), Promotion.class);
  }
}
