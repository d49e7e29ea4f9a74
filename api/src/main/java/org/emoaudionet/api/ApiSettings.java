package org.emoaudionet.api;

import io.quarkus.runtime.configuration.MemorySize;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The EMO_* environment of the platform (infra/README.md, "Environment variables") as Quarkus
 * config (see application.properties).
 */
@ApplicationScoped
public class ApiSettings {
  static final String MAX_BODY_BYTES = "emo.api.max-body-bytes";
  static final String MAX_CONF_BYTES = "emo.api.max-conf-bytes";

  @ConfigProperty(name = "emo.home") String home;
  @ConfigProperty(name = "emo.temporal.address") String temporalAddress;
  @ConfigProperty(name = "emo.temporal.namespace") String temporalNamespace;
  @ConfigProperty(name = "emo.temporal.query-timeout-seconds") int queryTimeoutSeconds;
  @ConfigProperty(name = "emo.admin.user") String adminUser;
  @ConfigProperty(name = "emo.admin.password") Optional<String> adminPassword;
  @ConfigProperty(name = "emo.jwt.secret") Optional<String> jwtSecret;
  @ConfigProperty(name = "emo.jwt.expiry-seconds") long jwtExpirySeconds;
  @ConfigProperty(name = "emo.jwt.cli-expiry-seconds") long jwtCliExpirySeconds;
  @ConfigProperty(name = "emo.dags.folder") Optional<String> dagsFolder;
  @ConfigProperty(name = "emo.s3.endpoint") String s3Endpoint;
  @ConfigProperty(name = "emo.s3.access-key") String s3AccessKey;
  @ConfigProperty(name = "emo.s3.secret-key") String s3SecretKey;
  @ConfigProperty(name = "emo.s3.bucket") String s3Bucket;
  @ConfigProperty(name = MAX_BODY_BYTES) MemorySize maxBodyBytes;
  @ConfigProperty(name = MAX_CONF_BYTES) MemorySize maxConfBytes;
  @ConfigProperty(name = "emo.auth.max-failures") int authMaxFailures;
  @ConfigProperty(name = "emo.auth.failure-window-seconds") long authFailureWindowSeconds;

  public Path home() {
    return Path.of(home).toAbsolutePath().normalize();
  }

  public Path apiStateDir() {
    return home().resolve("api");
  }

  public String temporalAddress() {
    return temporalAddress;
  }

  public String temporalNamespace() {
    return temporalNamespace;
  }

  public int queryTimeoutSeconds() {
    return queryTimeoutSeconds;
  }

  public String adminUser() {
    return adminUser;
  }

  public Optional<String> adminPassword() {
    return adminPassword.filter(s -> !s.isBlank());
  }

  public Optional<String> jwtSecret() {
    return jwtSecret.filter(s -> !s.isBlank());
  }

  public long jwtExpirySeconds() {
    return jwtExpirySeconds;
  }

  /** Lifetime of a {@code POST /auth/token/cli} token (Airflow's {@code jwt_cli_expiration_time}). */
  public long jwtCliExpirySeconds() {
    return jwtCliExpirySeconds;
  }

  /** The folder of extra DAG files, if configured. */
  public Optional<Path> dagsFolder() {
    return dagsFolder.filter(s -> !s.isBlank()).map(s -> Path.of(s).toAbsolutePath().normalize());
  }

  public String s3Endpoint() {
    return s3Endpoint;
  }

  public String s3AccessKey() {
    return s3AccessKey;
  }

  public String s3SecretKey() {
    return s3SecretKey;
  }

  public String s3Bucket() {
    return s3Bucket;
  }

  /** The largest request body of every endpoint but the uploads under {@code /api/emo}. */
  public long maxBodyBytes() {
    return maxBodyBytes.asLongValue();
  }

  /** The largest DAG-run conf, as JSON: it travels to Temporal twice (input and memo). */
  public long maxConfBytes() {
    return maxConfBytes.asLongValue();
  }

  /** Failed logins (per user name, per client address) that start a back-off. */
  public int authMaxFailures() {
    return Math.max(1, authMaxFailures);
  }

  /** How long failures count, and how long the back-off then lasts. */
  public Duration authFailureWindow() {
    return Duration.ofSeconds(Math.max(1, authFailureWindowSeconds));
  }
}
