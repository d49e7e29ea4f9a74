package org.emoaudionet.data;

import java.nio.file.Path;

/** A data set file that does not follow its layout; the message names the file and line. */
public class DataFormatException extends IllegalArgumentException {
  private final transient Path file;
  private final int line;

  public DataFormatException(Path file, int line, String reason) {
    super(file + (line > 0 ? ":" + line : "") + ": " + reason);
    this.file = file;
    this.line = line;
  }

  public DataFormatException(Path file, String reason) {
    this(file, 0, reason);
  }

  public Path file() {
    return file;
  }

  /** 1-based line, or 0 when the problem is not on one line. */
  public int line() {
    return line;
  }
}
