package org.emoaudionet.mlflow;

import java.io.IOException;

/**
 * MLflow did not answer (refused, timed out, reset): unlike {@link MlflowException} a retry may
 * well succeed, and unlike a local file error it is MLflow's, so callers can tell all three
 * apart (the API answers 503 for this one).
 */
public final class MlflowUnreachableException extends IOException {
  MlflowUnreachableException(String message, IOException cause) {
    super(message, cause);
  }
}
