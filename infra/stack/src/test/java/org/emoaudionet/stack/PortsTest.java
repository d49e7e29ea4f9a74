package org.emoaudionet.stack;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PortsTest {
  @TempDir Path home;

  @Test
  void aTakenPortIsNamedWithItsVariable() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int port = taken.getLocalPort();
      PortInUseException e = assertThrows(PortInUseException.class,
          () -> Ports.requireFree("EMO_API_PORT", "127.0.0.1", port));
      assertEquals(port, e.port());
      assertTrue(e.getMessage().contains("port " + port) && e.getMessage().contains("EMO_API_PORT"),
          e.getMessage());
    }
    int free = Ports.free();
    assertDoesNotThrow(() -> Ports.requireFree("EMO_API_PORT", "127.0.0.1", free));
  }

  @Test
  void theStackRefusesToStartOnATakenPortAndStartsNothing() throws Exception {
    StackConfig base = StackConfig.fromEnv(Map.of("EMO_HOME", home.toString(),
        "EMO_TEMPORAL", "java"), home);
    int s3 = Ports.free();
    int temporal = Ports.free();
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int mlflow = taken.getLocalPort();
      StackConfig c = base.withPorts(Ports.free(), s3, mlflow, temporal, Ports.free());
      ByteArrayOutputStream log = new ByteArrayOutputStream();
      PortInUseException e = assertThrows(PortInUseException.class,
          () -> Stack.start(c, new PrintStream(log)));
      assertTrue(e.getMessage().contains("EMO_MLFLOW_PORT") && e.getMessage().contains(
          Integer.toString(mlflow)), e.getMessage());
      assertFalse(Ports.isListening("127.0.0.1", s3), "S3 must not have been started");
      assertFalse(Ports.isListening("127.0.0.1", temporal), "Temporal must not have been started");
      // The lock was released: a second attempt fails on the port again, not on the lock.
      assertThrows(PortInUseException.class, () -> Stack.start(c, new PrintStream(log)));
    }
  }

  @Test
  void badPortValuesNameTheVariable() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> StackConfig.fromEnv(Map.of("EMO_HOME", home.toString(), "EMO_S3_PORT", "90000"),
            home));
    assertTrue(e.getMessage().contains("EMO_S3_PORT='90000'"), e.getMessage());
  }
}
