package org.emoaudionet.api;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The EMO_* environment of PLATFORM.md as Quarkus config (see application.properties). */
@ApplicationScoped
public class ApiSettings {
  @ConfigProperty(name = "emo.home") String home;
  @ConfigProperty(name = "emo.temporal.address") String temporalAddress;
  @ConfigProperty(name = "emo.temporal.namespace") String temporalNamespace;
  @ConfigProperty(name = "emo.temporal.query-timeout-seconds") int queryTimeoutSeconds;
  @ConfigProperty(name = "emo.admin.user") String adminUser;
  @ConfigProperty(name = "emo.admin.password") Optional<String> adminPassword;
  @ConfigProperty(name = "emo.jwt.secret") Optional<String> jwtSecret;
  @ConfigProperty(name = "emo.jwt.expiry-seconds") long jwtExpirySeconds;

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
}
