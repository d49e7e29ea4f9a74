package org.emoaudionet.api;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.function.Supplier;

/**
 * Retries a Temporal call that the server refused with RESOURCE_EXHAUSTED ("namespace rate
 * limit exceeded"). Temporal limits visibility calls per namespace (10 a second by default, the
 * dev server included) and each run listing makes two: a burst of listings got 503s, found by
 * schemathesis. The limit is a token bucket that refills within a second, so a short back-off
 * turns the burst into a little latency; a limit still hit after that is passed on.
 */
final class RateLimitRetry {
  static final int ATTEMPTS = 5;
  static final long FIRST_BACKOFF_MS = 100;

  private RateLimitRetry() {}

  static <T> T call(Supplier<T> call) {
    long backoff = FIRST_BACKOFF_MS;
    for (int attempt = 1; ; attempt++) {
      try {
        return call.get();
      } catch (StatusRuntimeException e) {
        if (e.getStatus().getCode() != Status.Code.RESOURCE_EXHAUSTED || attempt == ATTEMPTS) {
          throw e;
        }
      }
      try {
        Thread.sleep(backoff);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new StatusRuntimeException(Status.CANCELLED.withDescription("interrupted"));
      }
      backoff *= 2;
    }
  }
}
