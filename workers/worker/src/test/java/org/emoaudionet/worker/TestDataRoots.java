package org.emoaudionet.worker;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * EMO_DATA_ROOTS for a test's worker: the test's own folders and the bundled samples its data
 * may point into (a CSV listing sample clips by absolute path), given through the config map
 * rather than the process environment.
 */
final class TestDataRoots {
  private TestDataRoots() {}

  static String of(Path... dirs) {
    List<String> roots = new ArrayList<>();
    for (Path d : dirs) roots.add(d.toAbsolutePath().toString());
    roots.add(PromoteActivityTest.manifest().getParent().getParent().toString()); // workers/samples
    return String.join(File.pathSeparator, roots);
  }
}
