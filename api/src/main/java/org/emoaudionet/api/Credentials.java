package org.emoaudionet.api;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import org.jboss.logging.Logger;

/** The admin account and the JWT signing key, from the environment or from files in EMO_HOME. */
@ApplicationScoped
public class Credentials {
  private static final Logger LOG = Logger.getLogger(Credentials.class);

  @Inject ApiSettings settings;
  private volatile String password;
  private volatile byte[] jwtKey;

  void onStart(@Observes StartupEvent event) {
    init();
    if (settings.adminPassword().isEmpty()) {
      LOG.infof("Admin user '%s', password (kept in %s): %s", settings.adminUser(),
          passwordFile(), password);
    } else {
      LOG.infof("Admin user '%s', password from EMO_ADMIN_PASSWORD", settings.adminUser());
    }
  }

  private synchronized void init() {
    if (password != null) return;
    password = settings.adminPassword()
        .orElseGet(() -> SecretFiles.readOrCreate(passwordFile(), 18));
    String secret = settings.jwtSecret()
        .orElseGet(() -> SecretFiles.readOrCreate(settings.home().resolve("jwt-secret"), 32));
    jwtKey = secret.getBytes(StandardCharsets.UTF_8);
  }

  private Path passwordFile() {
    return settings.home().resolve("admin-password");
  }

  /** Constant-time on both fields so a timing probe learns neither. */
  public boolean matches(String user, String pass) {
    init();
    boolean u = MessageDigest.isEqual(bytes(user), bytes(settings.adminUser()));
    boolean p = MessageDigest.isEqual(bytes(pass), bytes(password));
    return u & p;
  }

  public byte[] jwtKey() {
    init();
    return jwtKey;
  }

  /** Digests first so that lengths do not leak through the comparison either. */
  private static byte[] bytes(String s) {
    try {
      return MessageDigest.getInstance("SHA-256")
          .digest((s == null ? "" : s).getBytes(StandardCharsets.UTF_8));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
