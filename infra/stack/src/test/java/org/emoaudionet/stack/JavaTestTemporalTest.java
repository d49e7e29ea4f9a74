package org.emoaudionet.stack;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class JavaTestTemporalTest {
  @Test
  void startsAnswersAndReleasesItsPort() {
    int port = Ports.free();
    try (JavaTestTemporal t = JavaTestTemporal.start("127.0.0.1", port, "default")) {
      assertTrue(Ports.isListening("127.0.0.1", port));
      TemporalServer.awaitReady(t.address(), "default", false, Duration.ofSeconds(5), null);
      assertTrue(t.limitations().contains("no Schedules"));
      assertTrue(t.uiUrl().isEmpty());
    }
    assertFalse(Ports.isListening("127.0.0.1", port));
  }
}
