package org.emoaudionet.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** Port checks done before anything starts, so a clash fails fast and by name. */
public final class Ports {
  private Ports() {}

  /** Throws {@link PortInUseException} when {@code host:port} cannot be bound. */
  public static void requireFree(String variable, String host, int port) {
    try (ServerSocket s = new ServerSocket()) {
      // As servers do: connections of a stopped stack in TIME_WAIT must not count as "in use".
      s.setReuseAddress(true);
      s.bind(new InetSocketAddress(InetAddress.getByName(host), port));
    } catch (IOException e) {
      throw new PortInUseException(variable, host, port);
    }
    // Something bound to 0.0.0.0 by another user may still let us bind 127.0.0.1: try a connect.
    if (isListening(host, port)) {
      throw new PortInUseException(variable, host, port);
    }
  }

  public static boolean isListening(String host, int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(host, port), 300);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** A port free right now on loopback (tests). */
  public static int free() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
