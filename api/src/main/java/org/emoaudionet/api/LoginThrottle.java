package org.emoaudionet.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Back-off for {@code POST /auth/token}: after {@code emo.auth.max-failures} failed logins within
 * {@code emo.auth.failure-window-seconds}, counted per user name and per client address, that
 * name or address is refused (429) for one window, even with the right password, so that
 * guessing costs a window per few tries. A successful login clears both counts.
 */
@ApplicationScoped
public class LoginThrottle {
  /** Keys kept at most (least recently used dropped): many made-up names cannot fill memory. */
  static final int MAX_KEYS = 10_000;
  /** A user-name key is cut to this: a long name must not cost more memory than a short one. */
  static final int MAX_NAME_CHARS = 256;

  @Inject ApiSettings settings;
  /** The time source; a test sets its own. */
  InstantSource clock = InstantSource.system();

  /** Per key: failures in the current window, when it began, and any back-off's end. */
  private static final class Count {
    int failures;
    Instant since;
    Instant blockedUntil;
  }

  private final Map<String, Count> counts = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Count> eldest) {
      return size() > MAX_KEYS;
    }
  };

  /** Seconds until this user and address may try again; empty when they may now. */
  public synchronized Optional<Long> retryAfter(String user, String address) {
    Instant now = clock.instant();
    Instant until = null;
    for (String key : keys(user, address)) {
      Count c = counts.get(key);
      if (c != null && c.blockedUntil != null && c.blockedUntil.isAfter(now)
          && (until == null || c.blockedUntil.isAfter(until))) {
        until = c.blockedUntil;
      }
    }
    if (until == null) return Optional.empty();
    long millis = Duration.between(now, until).toMillis();
    return Optional.of(Math.max(1, (millis + 999) / 1000));
  }

  public synchronized void failed(String user, String address) {
    Instant now = clock.instant();
    for (String key : keys(user, address)) {
      Count c = counts.computeIfAbsent(key, k -> new Count());
      if (c.since == null || !c.since.plus(settings.authFailureWindow()).isAfter(now)) {
        c.failures = 0;
        c.since = now;
      }
      if (++c.failures >= settings.authMaxFailures()) {
        c.blockedUntil = now.plus(settings.authFailureWindow());
        c.failures = 0;
        c.since = null;
      }
    }
  }

  public synchronized void succeeded(String user, String address) {
    for (String key : keys(user, address)) counts.remove(key);
  }

  private static List<String> keys(String user, String address) {
    String name = user == null ? "" : user;
    if (name.length() > MAX_NAME_CHARS) name = name.substring(0, MAX_NAME_CHARS);
    return List.of("user:" + name, "addr:" + (address == null ? "?" : address));
  }
}
