package org.emoaudionet.stack;

import io.temporal.testserver.TestServer;
import java.time.Duration;
import java.util.Optional;

/** Temporal's Java test server in this JVM: no install needed, but see {@link #limitations}. */
final class JavaTestTemporal implements TemporalServer {
  static final String LIMITATIONS = "Temporal: Java test server (in-process) - no Schedules, no "
      + "visibility queries (ListWorkflowExecutions/Count), no Web UI, no persistence (runs are "
      + "forgotten on restart), and it binds all interfaces, not only 127.0.0.1. "
      + "For the real dev server run infra/scripts/install-temporal.sh (then EMO_TEMPORAL=dev).";

  private final TestServer.PortBoundTestServer server;
  private final String address;

  private JavaTestTemporal(TestServer.PortBoundTestServer server, String address) {
    this.server = server;
    this.address = address;
  }

  static JavaTestTemporal start(String host, int port, String namespace) {
    TestServer.PortBoundTestServer server = TestServer.createPortBoundServer(port);
    JavaTestTemporal t = new JavaTestTemporal(server, host + ":" + port);
    try {
      TemporalServer.awaitReady(t.address, namespace, false, Duration.ofSeconds(20), null);
    } catch (RuntimeException e) {
      t.close();
      throw e;
    }
    return t;
  }

  @Override
  public String address() {
    return address;
  }

  @Override
  public Optional<String> uiUrl() {
    return Optional.empty();
  }

  @Override
  public String limitations() {
    return LIMITATIONS;
  }

  @Override
  public void close() {
    server.close();
  }
}
