package org.emoaudionet.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Regression (schemathesis, SchemathesisIT): GET /api/v2/dags/{dag_id}/dagRuns?duration_gte=0
 * answered 503 "namespace rate limit exceeded" during a burst of listings, as Temporal's
 * visibility limit refused the list call. Rate-limit refusals are retried with back-off; other
 * errors, and a limit that outlasts the retries, still reach the caller.
 */
class RateLimitRetryTest {
  private static StatusRuntimeException limited() {
    return new StatusRuntimeException(Status.RESOURCE_EXHAUSTED
        .withDescription("namespace rate limit exceeded"));
  }

  @Test
  void aBriefRateLimitIsWaitedOut() {
    AtomicInteger calls = new AtomicInteger();
    String answer = RateLimitRetry.call(() -> {
      if (calls.incrementAndGet() < 3) throw limited();
      return "listed";
    });
    assertEquals("listed", answer);
    assertEquals(3, calls.get());
  }

  @Test
  void aLimitThatLastsIsPassedOnAfterTheLastAttempt() {
    AtomicInteger calls = new AtomicInteger();
    StatusRuntimeException e = assertThrows(StatusRuntimeException.class,
        () -> RateLimitRetry.call(() -> {
          calls.incrementAndGet();
          throw limited();
        }));
    assertEquals(Status.Code.RESOURCE_EXHAUSTED, e.getStatus().getCode());
    assertEquals(RateLimitRetry.ATTEMPTS, calls.get());
  }

  @Test
  void otherErrorsAreNotRetried() {
    AtomicInteger calls = new AtomicInteger();
    assertThrows(StatusRuntimeException.class, () -> RateLimitRetry.call(() -> {
      calls.incrementAndGet();
      throw new StatusRuntimeException(Status.UNAVAILABLE);
    }));
    assertEquals(1, calls.get());
  }
}
