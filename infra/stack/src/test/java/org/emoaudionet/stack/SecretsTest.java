package org.emoaudionet.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretsTest {
  @TempDir Path home;

  @Test
  void theAdminPasswordIsGeneratedOnceAndReused() throws Exception {
    String first = Secrets.adminPassword(home, null);
    assertTrue(first.length() >= 20, first);
    Path file = home.resolve("admin-password");
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    assertEquals(first, Secrets.adminPassword(home, null));
    assertEquals(first, Secrets.adminPassword(home, ""));
    assertEquals(first, Files.readString(file).strip());
  }

  @Test
  void anExplicitValueWinsAndIsNotWritten() {
    assertEquals("from-env", Secrets.adminPassword(home, "from-env"));
    assertTrue(Files.notExists(home.resolve("admin-password")));
  }

  @Test
  void jwtSecretAndPasswordAreDistinct() {
    assertNotEquals(Secrets.adminPassword(home, null), Secrets.jwtSecret(home, null));
    assertEquals(Secrets.jwtSecret(home, null), Secrets.jwtSecret(home, null));
  }

  @Test
  void aGeneratedSecretNeverStartsWithADashThatACommandLineWouldTakeForAnOption() {
    // one base64url start in 64 is '-': 2,000 draws miss it with probability (63/64)^2000 < 1e-13
    for (int i = 0; i < 2000; i++) {
      String s = Secrets.generate(18);
      assertTrue(!s.startsWith("-"), s);
      assertEquals(24, s.length(), s);
    }
  }
}
