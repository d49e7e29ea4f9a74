package org.emoaudionet.pipeline;

import java.nio.file.Files;
import java.nio.file.Path;

/** The committed synthetic sample corpora (workers/samples, espeak-ng speech). */
public final class SampleCorpora {
  private SampleCorpora() {}

  public static Path root() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      Path s = p.resolve("workers/samples");
      if (Files.isDirectory(s)) return s;
    }
    throw new IllegalStateException("workers/samples not found above " + Path.of("").toAbsolutePath());
  }
}
