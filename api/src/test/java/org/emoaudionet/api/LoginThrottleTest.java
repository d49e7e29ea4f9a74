package org.emoaudionet.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The login back-off on a hand-driven clock: 3 failures in 60 s, then 60 s of 429. */
class LoginThrottleTest {
  private Instant now = Instant.parse("2026-01-01T00:00:00Z");
  private LoginThrottle throttle;

  @BeforeEach
  void setUp() {
    ApiSettings settings = new ApiSettings();
    settings.authMaxFailures = 3;
    settings.authFailureWindowSeconds = 60;
    throttle = new LoginThrottle();
    throttle.settings = settings;
    throttle.clock = new InstantSource() {
      @Override
      public Instant instant() {
        return now;
      }
    };
  }

  private void fail(String user, String address, int times) {
    for (int i = 0; i < times; i++) throttle.failed(user, address);
  }

  @Test
  void theThresholdStartsABackOffOfOneWindowWithRetryAfterCountingDown() {
    fail("admin", "10.0.0.1", 2);
    assertEquals(Optional.empty(), throttle.retryAfter("admin", "10.0.0.1"), "2 of 3: still open");
    fail("admin", "10.0.0.1", 1);
    assertEquals(Optional.of(60L), throttle.retryAfter("admin", "10.0.0.1"));
    now = now.plusMillis(59_500);
    assertEquals(Optional.of(1L), throttle.retryAfter("admin", "10.0.0.1"), "rounded up");
    now = now.plusMillis(500);
    assertEquals(Optional.empty(), throttle.retryAfter("admin", "10.0.0.1"), "window over");
  }

  @Test
  void userNameAndAddressAreCountedApart() {
    fail("admin", "10.0.0.1", 3);
    assertTrue(throttle.retryAfter("admin", "10.0.0.9").isPresent(), "the name, from anywhere");
    assertTrue(throttle.retryAfter("other", "10.0.0.1").isPresent(), "the address, any name");
    assertEquals(Optional.empty(), throttle.retryAfter("other", "10.0.0.9"));
    // Many names from one address: the address is what stops the guessing.
    for (int i = 0; i < 3; i++) throttle.failed("user" + i, "10.0.0.2");
    assertTrue(throttle.retryAfter("user99", "10.0.0.2").isPresent());
  }

  @Test
  void failuresSpreadOverMoreThanAWindowDoNotAddUp() {
    fail("admin", "10.0.0.1", 2);
    now = now.plus(Duration.ofSeconds(61));
    fail("admin", "10.0.0.1", 2);
    assertEquals(Optional.empty(), throttle.retryAfter("admin", "10.0.0.1"));
  }

  @Test
  void aSuccessResetsTheCount() {
    fail("admin", "10.0.0.1", 2);
    throttle.succeeded("admin", "10.0.0.1");
    fail("admin", "10.0.0.1", 2);
    assertEquals(Optional.empty(), throttle.retryAfter("admin", "10.0.0.1"));
    fail("admin", "10.0.0.1", 1);
    assertTrue(throttle.retryAfter("admin", "10.0.0.1").isPresent());
  }

  @Test
  void aHugeUserNameCostsNoMoreThanAShortOne() {
    String huge = "u".repeat(100_000);
    fail(huge, "10.0.0.3", 3);
    assertTrue(throttle.retryAfter("u".repeat(LoginThrottle.MAX_NAME_CHARS) + "v", "10.0.0.4")
        .isPresent(), "keyed on the first " + LoginThrottle.MAX_NAME_CHARS + " characters");
  }
}
