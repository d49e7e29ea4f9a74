package org.emoaudionet.stack;

/** A port the stack needs is taken; the message names the port and the variable that moves it. */
public final class PortInUseException extends IllegalStateException {
  private final int port;

  public PortInUseException(String variable, String host, int port) {
    super("port " + port + " on " + host + " (" + variable + ") is already in use: stop what "
        + "listens there (`ss -ltnp 'sport = :" + port + "'` shows it; an earlier `emo up`?) or "
        + "set " + variable + " to a free port");
    this.port = port;
  }

  public int port() {
    return port;
  }
}
