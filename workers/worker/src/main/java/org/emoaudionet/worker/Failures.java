package org.emoaudionet.worker;

import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.TemporalFailure;
import org.emoaudionet.audio.AudioFormatException;

/**
 * How an activity's exception reaches the workflow: bad input (and a missing core feature) is
 * final, with the message and the attempt as details; anything else is retried.
 */
public final class Failures {
  private Failures() {}

  public static RuntimeException of(Throwable e, int attempt) {
    if (e instanceof TemporalFailure tf) return tf;
    if (e instanceof io.temporal.client.ActivityCompletionException ce) return ce;
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    String type = e.getClass().getName();
    if (e instanceof IllegalArgumentException || e instanceof AudioFormatException
        || e instanceof UnsupportedOperationException) {
      return ApplicationFailure.newNonRetryableFailureWithCause(message, type, e, attempt);
    }
    return ApplicationFailure.newFailureWithCause(message, type, e, attempt);
  }
}
