package org.emoaudionet.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the repository root: the directory whose pom.xml is the emo-parent. */
final class RepoRoot {
  private RepoRoot() {}

  static Path find() {
    String explicit = System.getenv("EMO_REPO_ROOT");
    if (explicit == null) {
      explicit = System.getProperty("emo.repo.root");
    }
    if (explicit != null && !explicit.isBlank()) {
      return Path.of(explicit).toAbsolutePath().normalize();
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (isRoot(dir)) {
        return dir;
      }
    }
    throw new IllegalStateException("cannot find the repository root (a pom.xml of artifact "
        + "emo-parent) above " + Path.of("").toAbsolutePath() + "; set EMO_REPO_ROOT");
  }

  private static boolean isRoot(Path dir) {
    Path pom = dir.resolve("pom.xml");
    try {
      return Files.isRegularFile(pom)
          && Files.readString(pom).contains("<artifactId>emo-parent</artifactId>")
          && Files.readString(pom).contains("<modules>")
          && Files.isDirectory(dir.resolve("workers"));
    } catch (IOException e) {
      return false;
    }
  }
}
