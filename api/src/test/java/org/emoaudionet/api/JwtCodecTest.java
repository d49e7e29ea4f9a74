package org.emoaudionet.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A token lives emo.jwt.expiry-seconds and not a second longer (the clock is the test's). */
class JwtCodecTest {
  private Instant now = Instant.parse("2026-01-01T00:00:00Z");

  private JwtCodec codec(long expirySeconds) throws Exception {
    ApiSettings settings = new ApiSettings();
    settings.home = Files.createTempDirectory("emo-jwt-test").toString();
    settings.adminUser = "admin";
    settings.adminPassword = Optional.of("pw");
    settings.jwtSecret = Optional.of("a-test-secret");
    settings.jwtExpirySeconds = expirySeconds;
    Credentials credentials = new Credentials();
    credentials.settings = settings;
    JwtCodec jwt = new JwtCodec();
    jwt.settings = settings;
    jwt.credentials = credentials;
    jwt.json = new ObjectMapper();
    jwt.clock = new InstantSource() {
      @Override
      public Instant instant() {
        return now;
      }
    };
    return jwt;
  }

  @Test
  void aTokenIsValidForItsLifetimeOnly() throws Exception {
    JwtCodec jwt = codec(3600);
    String token = jwt.issue("admin");
    assertEquals(Optional.of("admin"), jwt.verify(token));
    now = now.plusSeconds(3599);
    assertEquals(Optional.of("admin"), jwt.verify(token), "a second before exp");
    now = now.plusSeconds(1);
    assertEquals(Optional.empty(), jwt.verify(token), "at exp it is expired");
  }

  @Test
  void theLifetimeIsTheConfiguredOne() throws Exception {
    JwtCodec jwt = codec(5);
    String token = jwt.issue("admin");
    now = now.plusSeconds(5);
    assertEquals(Optional.empty(), jwt.verify(token));
  }

  @Test
  void aTamperedTokenIsRefused() throws Exception {
    JwtCodec jwt = codec(3600);
    String token = jwt.issue("admin");
    String[] parts = token.split("\\.");
    String other = codec(3600).issue("mallory").split("\\.")[1];
    assertEquals(Optional.empty(), jwt.verify(parts[0] + "." + other + "." + parts[2]));
  }
}
