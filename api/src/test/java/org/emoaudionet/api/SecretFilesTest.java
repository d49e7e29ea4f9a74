package org.emoaudionet.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretFilesTest {
  @TempDir Path dir;

  @Test
  void generatesOnceWithOwnerOnlyPermissionsAndKeepsIt() throws Exception {
    Path file = dir.resolve("home/admin-password");
    String first = SecretFiles.readOrCreate(file, 18);
    assertEquals(24, first.length(), "18 random bytes in base64url");
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    assertEquals(first, SecretFiles.readOrCreate(file, 18), "a restart keeps the secret");
    assertNotEquals(first, SecretFiles.readOrCreate(dir.resolve("other"), 18));
  }

  @Test
  void anEmptyFileIsAnErrorNamingIt() throws Exception {
    Path file = dir.resolve("jwt-secret");
    Files.writeString(file, "\n");
    var e = org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class,
        () -> SecretFiles.readOrCreate(file, 32));
    assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
  }
}
