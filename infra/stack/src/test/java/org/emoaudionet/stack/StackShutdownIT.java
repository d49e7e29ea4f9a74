package org.emoaudionet.stack;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code emo up} stopped by SIGTERM while it is still starting (the API not yet healthy): every
 * child it had started is stopped with it, none is left for the next {@code emo up} to find.
 * The API is a stand-in (synthetic) that never answers its health check.
 */
class StackShutdownIT {
  static final String SILENT_API = String.join("\n",
      "public class FakeApi {",
      "  public static void main(String[] a) throws Exception { Thread.sleep(600_000); }",
      "}");

  @TempDir Path tmp;

  @Test
  void sigtermWhileStartingStopsEveryChildStartedSoFar() throws Exception {
    Path venv = RepoRoot.find().resolve(".emo/venv");
    assumeTrue(Files.isExecutable(venv.resolve("bin/mlflow")), "no MLflow venv at " + venv);
    Path repo = StackSmokeIT.fakeRepo(tmp.resolve("repo"), SILENT_API);
    Path home = tmp.resolve("home");
    Files.createDirectories(home);
    Files.createSymbolicLink(home.resolve("venv"), venv);
    ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
        .toString(), "-cp", System.getProperty("java.class.path"),
        StackMain.class.getName(), "up").redirectErrorStream(true)
        .redirectOutput(tmp.resolve("stack.log").toFile());
    pb.environment().put("EMO_HOME", home.toString());
    pb.environment().put("EMO_REPO_ROOT", repo.toString());
    pb.environment().put("EMO_TEMPORAL", "java");
    pb.environment().put("EMO_STACK_WORKER", "false");
    for (String port : List.of("EMO_API_PORT", "EMO_S3_PORT", "EMO_MLFLOW_PORT",
        "EMO_TEMPORAL_PORT", "EMO_TEMPORAL_UI_PORT")) {
      pb.environment().put(port, Integer.toString(Ports.free()));
    }
    Process stack = pb.start();
    try {
      Path apiPid = home.resolve("run/api.pid");
      Path mlflowPid = home.resolve("run/mlflow.pid");
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      while (!(Files.exists(apiPid) && Files.exists(mlflowPid))) {
        assertTrue(stack.isAlive(), "stack exited early:\n" + Files.readString(tmp.resolve("stack.log")));
        assertTrue(System.nanoTime() < deadline, "children not started after 120 s:\n"
            + Files.readString(tmp.resolve("stack.log")));
        Thread.sleep(100);
      }
      Thread.sleep(500);
      List<ProcessHandle> children = new ArrayList<>();
      for (Path f : List.of(apiPid, mlflowPid)) {
        long pid = Long.parseLong(Files.readAllLines(f).get(0).trim());
        ProcessHandle.of(pid).ifPresent(h -> {
          children.add(h);
          h.descendants().forEach(children::add);
        });
      }
      assertFalse(children.isEmpty(), "no child found from the pid files");
      stack.destroy(); // SIGTERM, as `kill` or a service manager sends
      assertTrue(stack.waitFor(60, TimeUnit.SECONDS), "stack did not exit after SIGTERM");
      String log = Files.readString(tmp.resolve("stack.log"));
      assertTrue(log.contains("stopping the stack"), "the shutdown hook did not run:\n" + log);
      for (ProcessHandle h : children) {
        for (int i = 0; i < 100 && h.isAlive(); i++) Thread.sleep(50);
        assertFalse(h.isAlive(), "orphan left running: " + h.pid() + " "
            + h.info().commandLine().orElse("?") + "\n" + log);
      }
    } finally {
      stack.destroyForcibly();
    }
  }
}
