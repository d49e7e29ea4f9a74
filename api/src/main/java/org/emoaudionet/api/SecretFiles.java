package org.emoaudionet.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/** A secret generated once and kept in a 0600 file so that restarts keep tokens and passwords. */
final class SecretFiles {
  private SecretFiles() {}

  private static final SecureRandom RANDOM = new SecureRandom();

  /** Reads {@code file}, or creates it with {@code bytes} random bytes (base64url). */
  static String readOrCreate(Path file, int bytes) {
    try {
      if (Files.exists(file)) return read(file);
      Files.createDirectories(file.getParent());
      byte[] raw = new byte[bytes];
      RANDOM.nextBytes(raw);
      String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
      try {
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } catch (FileAlreadyExistsException raced) {
        return read(file);
      } catch (UnsupportedOperationException notPosix) {
        Files.createFile(file);
      }
      Files.writeString(file, secret + "\n", StandardCharsets.UTF_8);
      return secret;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create secret file " + file + ": " + e.getMessage(), e);
    }
  }

  private static String read(Path file) throws IOException {
    String s = Files.readString(file, StandardCharsets.UTF_8).strip();
    if (s.isEmpty()) throw new IOException("secret file " + file + " is empty; delete it to regenerate");
    return s;
  }
}
