package org.emoaudionet.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The admin password and the JWT secret: an explicit environment value wins; otherwise one is
 * generated the first time and kept (mode 600) in $EMO_HOME so logins survive restarts.
 */
public final class Secrets {
  private static final SecureRandom RANDOM = new SecureRandom();

  private Secrets() {}

  public static String adminPassword(Path emoHome, String fromEnv) {
    return readOrCreate(emoHome.resolve("admin-password"), fromEnv, 18);
  }

  public static String jwtSecret(Path emoHome, String fromEnv) {
    return readOrCreate(emoHome.resolve("jwt-secret"), fromEnv, 48);
  }

  static String readOrCreate(Path file, String fromEnv, int bytes) {
    if (fromEnv != null && !fromEnv.isBlank()) {
      return fromEnv;
    }
    try {
      if (Files.exists(file)) {
        return read(file);
      }
      Files.createDirectories(file.getParent());
      String secret = generate(bytes);
      try {
        Files.createFile(file, PosixFilePermissions.asFileAttribute(
            PosixFilePermissions.fromString("rw-------")));
      } catch (FileAlreadyExistsException raced) {
        return read(file);
      }
      Files.writeString(file, secret + "\n", StandardCharsets.UTF_8);
      return secret;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create the secret file " + file, e);
    }
  }

  /**
   * {@code bytes} random bytes as URL-safe base64 that never starts with {@code -}: a password
   * typed after {@code --password} (airflowctl, curl scripts) that starts with one is taken for an
   * option by argparse ("expected one argument"), one start in 64.
   */
  static String generate(int bytes) {
    byte[] raw = new byte[bytes];
    String secret;
    do {
      RANDOM.nextBytes(raw);
      secret = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    } while (secret.startsWith("-"));
    return secret;
  }

  private static String read(Path file) throws IOException {
    String s = Files.readString(file, StandardCharsets.UTF_8).strip();
    if (s.isEmpty()) {
      throw new IOException(file + " is empty: delete it to generate a new secret");
    }
    return s;
  }
}
