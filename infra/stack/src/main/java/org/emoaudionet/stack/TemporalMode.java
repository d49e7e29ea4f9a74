package org.emoaudionet.stack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** Which Temporal the embedded stack uses ({@code EMO_TEMPORAL}). */
public enum TemporalMode {
  /** The official Temporal CLI dev server: real server, SQLite state, Web UI, Schedules. */
  DEV,
  /** Temporal's Java test server in-process: no install, but no Schedules, visibility, state. */
  JAVA,
  /** A server somebody else runs, at {@code EMO_TEMPORAL_ADDRESS}. */
  EXTERNAL;

  /**
   * {@code dev|java|external}; unset means {@code dev} when the CLI is installed
   * ({@code infra/scripts/install-temporal.sh}) and {@code java} otherwise.
   */
  static TemporalMode parse(String value, Path emoHome) {
    if (value == null || value.isBlank()) {
      return temporalCli(emoHome).isPresent() ? DEV : JAVA;
    }
    try {
      return valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "EMO_TEMPORAL='" + value + "' is not one of dev, java, external");
    }
  }

  /**
   * The temporal binary: $EMO_TEMPORAL_CLI, else $EMO_HOME/bin/temporal, else the repository's
   * own .emo/bin/temporal (where the install script puts it, also when EMO_HOME is elsewhere),
   * else on PATH.
   */
  static Optional<Path> temporalCli(Path emoHome) {
    String explicit = System.getenv("EMO_TEMPORAL_CLI");
    if (explicit != null && !explicit.isBlank()) {
      Path p = Path.of(explicit);
      return Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
    }
    Path local = emoHome.resolve("bin/temporal");
    if (Files.isExecutable(local)) {
      return Optional.of(local);
    }
    try {
      Path repo = RepoRoot.find().resolve(".emo/bin/temporal");
      if (Files.isExecutable(repo)) return Optional.of(repo);
    } catch (RuntimeException notInARepository) {
      // an installed stack jar run outside a checkout: EMO_HOME and PATH only
    }
    String path = System.getenv("PATH");
    if (path != null) {
      for (String dir : path.split(java.io.File.pathSeparator)) {
        Path p = Path.of(dir, "temporal");
        if (!dir.isEmpty() && Files.isExecutable(p)) {
          return Optional.of(p);
        }
      }
    }
    return Optional.empty();
  }
}
