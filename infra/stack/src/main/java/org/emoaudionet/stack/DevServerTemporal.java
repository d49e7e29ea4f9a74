package org.emoaudionet.stack;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The official Temporal CLI's dev server as a child process: the real server on SQLite
 * ($EMO_HOME/temporal.db, so runs survive restarts), with its Web UI.
 */
final class DevServerTemporal implements TemporalServer {
  private final ChildProcess process;
  private final String address;
  private final String ui;

  private DevServerTemporal(ChildProcess process, String address, String ui) {
    this.process = process;
    this.address = address;
    this.ui = ui;
  }

  static DevServerTemporal start(Path cli, StackConfig c, PrintStream out) {
    List<String> cmd = List.of(cli.toString(), "server", "start-dev",
        "--ip", c.host(), "--port", Integer.toString(c.temporalPort()),
        "--ui-port", Integer.toString(c.temporalUiPort()),
        "--db-filename", c.emoHome().resolve("temporal.db").toString(),
        "--namespace", c.namespace(), "--log-level", "warn");
    ChildProcess p = ChildProcess.start(new ChildProcess.Spec("temporal", cmd, Map.of(),
        c.emoHome().toFile().toPath(), c.logs().resolve("temporal.log"),
        c.emoHome().resolve("run")), true, out);
    DevServerTemporal t = new DevServerTemporal(p, c.host() + ":" + c.temporalPort(),
        "http://" + c.host() + ":" + c.temporalUiPort());
    try {
      TemporalServer.awaitReady(t.address, c.namespace(), true, Duration.ofSeconds(60), p);
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
    return Optional.of(ui);
  }

  @Override
  public String limitations() {
    return "";
  }

  @Override
  public void close() {
    process.close();
  }
}
