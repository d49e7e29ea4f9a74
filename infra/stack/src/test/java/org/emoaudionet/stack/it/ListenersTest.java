package org.emoaudionet.stack.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.Test;

class ListenersTest {
  @Test
  void procAddressesDecode() {
    assertEquals("127.0.0.1", Listeners.address("0100007F"));
    assertEquals("0.0.0.0", Listeners.address("00000000"));
    assertEquals("::", Listeners.address("00000000000000000000000000000000"));
    assertEquals("::1", Listeners.address("00000000000000000000000001000000"));
    assertEquals("::ffff:127.0.0.1", Listeners.address("0000000000000000FFFF00000100007F"));
    assertTrue(new Listeners.Listener("::ffff:127.0.0.1", 1).loopback());
    assertFalse(new Listeners.Listener("0.0.0.0", 1).loopback());
  }

  @Test
  void findsThisJvmsOwnListenersWithTheirAddress() throws Exception {
    assumeTrue(Listeners.supported(), "no /proc/net/tcp here");
    try (ServerSocket loop = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
        ServerSocket any = new ServerSocket(0, 1, InetAddress.getByName("0.0.0.0"))) {
      List<Listeners.Listener> mine = Listeners.of(Listeners.tree(List.of(ProcessHandle.current())));
      // Java binds dual-stack sockets: 127.0.0.1 may show as ::ffff:127.0.0.1 in /proc/net/tcp6.
      assertTrue(mine.stream().anyMatch(l -> l.port() == loop.getLocalPort() && l.loopback()),
          mine.toString());
      assertTrue(mine.stream().anyMatch(l -> l.port() == any.getLocalPort() && !l.loopback()),
          mine.toString());
    }
  }
}
