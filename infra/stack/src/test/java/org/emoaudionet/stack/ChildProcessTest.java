package org.emoaudionet.stack;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChildProcessTest {
  @TempDir Path dir;
  private final PrintStream out = new PrintStream(new ByteArrayOutputStream());

  private ChildProcess.Spec spec(String name, String script) {
    return new ChildProcess.Spec(name, List.of("bash", "-c", script), Map.of("GREETING", "hi"),
        dir, dir.resolve("logs/" + name + ".log"), dir.resolve("run"));
  }

  @Test
  void closeStopsTheWholeTreeSoNothingIsOrphaned() throws Exception {
    // bash starts a grandchild; a plain Process.destroy would leave it running.
    ChildProcess p = ChildProcess.start(spec("tree", "echo $GREETING; sleep 300 & wait"), true,
        out);
    p.awaitHealthy(Duration.ofSeconds(10), () -> p.logTail(1).contains("hi"));
    ProcessHandle root = ProcessHandle.of(p.pid()).orElseThrow();
    List<ProcessHandle> tree = root.descendants().toList();
    assertFalse(tree.isEmpty(), "expected the sleep grandchild");
    assertTrue(Files.exists(dir.resolve("run/tree.pid")));
    p.close();
    assertFalse(root.isAlive());
    tree.forEach(h -> assertFalse(h.isAlive(), "orphan " + h.pid()));
    assertFalse(Files.exists(dir.resolve("run/tree.pid")));
  }

  @Test
  void aNullValueRemovesAVariableTheStackWouldPassOn() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv("HOME") != null, "no HOME here");
    Map<String, String> env = new java.util.HashMap<>();
    env.put("HOME", null);
    env.put("GREETING", "hi");
    ChildProcess p = ChildProcess.start(new ChildProcess.Spec("noenv", List.of("bash", "-c",
        "echo \"home=[${HOME-unset}] $GREETING\"; sleep 300"), env, dir,
        dir.resolve("logs/noenv.log"), dir.resolve("run")), false, out);
    p.awaitHealthy(Duration.ofSeconds(10), () -> p.logTail(1).contains("hi"));
    p.close();
    assertTrue(p.logTail(1).contains("home=[unset] hi"), p.logTail(3));
  }

  @Test
  void aChildThatDiesWhileStartingFailsFastWithItsLog() {
    ChildProcess p = ChildProcess.start(spec("broken", "echo 'boom: no config'; exit 3"), false,
        out);
    long t0 = System.nanoTime();
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> p.awaitHealthy(Duration.ofSeconds(30), () -> false));
    assertTrue(System.nanoTime() - t0 < 10_000_000_000L, "should not wait for the timeout");
    assertTrue(e.getMessage().contains("code 3") && e.getMessage().contains("boom: no config"),
        e.getMessage());
    p.close();
  }

  @Test
  void aCrashedChildIsRestarted() throws Exception {
    Path count = dir.resolve("count");
    ChildProcess p = ChildProcess.start(spec("flaky",
        "echo x >> " + count + "; if [ $(wc -l < " + count + ") -lt 2 ]; then exit 1; fi; "
            + "sleep 300"), true, out);
    p.awaitHealthy(Duration.ofSeconds(10), () -> {
      try {
        return Files.exists(count) && Files.readAllLines(count).size() == 2 && p.isAlive();
      } catch (java.io.IOException ex) {
        return false;
      }
    });
    p.close();
    assertFalse(p.isAlive());
  }

  @Test
  void orphansOfAKilledStackAreStoppedByPidFileAndStartTime() throws Exception {
    ChildProcess p = ChildProcess.start(spec("left", "sleep 300"), false, out);
    ProcessHandle h = ProcessHandle.of(p.pid()).orElseThrow();
    // As if the stack JVM died by SIGKILL: the child and its pid file remain.
    ChildProcess.stopOrphans(dir.resolve("run"), out);
    for (int i = 0; i < 100 && h.isAlive(); i++) {
      Thread.sleep(50);
    }
    assertFalse(h.isAlive());
    assertFalse(Files.exists(dir.resolve("run/left.pid")));
    p.close();
  }
}
