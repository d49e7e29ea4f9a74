package org.emoaudionet.stack;

import java.nio.file.Path;

/** Where the repository is when tests run (surefire/failsafe start in the module directory). */
final class TestPaths {
  private TestPaths() {}

  static Path repoRoot() {
    return RepoRoot.find();
  }
}
