package org.emoaudionet.workflows.dag;

/** A DAG file that cannot be used; the message names the file and the field. */
public class DagFileException extends IllegalArgumentException {
  public DagFileException(String message) {
    super(message);
  }

  public DagFileException(String message, Throwable cause) {
    super(message, cause);
  }
}
