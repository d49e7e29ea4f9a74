package org.emoaudionet.stack;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * A supervised child process: output appended to a log file, restarted (a few times) when it dies
 * on its own, and stopped with its whole process tree. A pid file in $EMO_HOME/run lets the next
 * {@code emo up} stop children orphaned by a SIGKILLed stack (a JVM killed that way runs no
 * shutdown hook).
 */
public final class ChildProcess implements AutoCloseable {
  /** What to run. */
  public record Spec(String name, List<String> command, Map<String, String> env, Path workDir,
      Path logFile, Path runDir) {}

  private static final int MAX_RESTARTS = 3;

  private final Spec spec;
  private final boolean restartOnCrash;
  private final PrintStream out;
  private volatile Process process;
  private volatile boolean stopping;
  private int restarts;

  private ChildProcess(Spec spec, boolean restartOnCrash, PrintStream out) {
    this.spec = spec;
    this.restartOnCrash = restartOnCrash;
    this.out = out;
  }

  public static ChildProcess start(Spec spec, boolean restartOnCrash, PrintStream out) {
    ChildProcess child = new ChildProcess(spec, restartOnCrash, out);
    child.launch();
    return child;
  }

  private synchronized void launch() {
    try {
      Files.createDirectories(spec.logFile().getParent());
      Files.writeString(spec.logFile(), "---- " + Instant.now() + " starting " + spec.name() + ": "
          + String.join(" ", spec.command()) + System.lineSeparator(), StandardCharsets.UTF_8,
          java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
      ProcessBuilder pb = new ProcessBuilder(spec.command())
          .directory(spec.workDir().toFile())
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(spec.logFile().toFile()))
          .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
      // A null value removes a variable this JVM would pass on (a secret the child must not see).
      spec.env().forEach((k, v) -> {
        if (v == null) pb.environment().remove(k);
        else pb.environment().put(k, v);
      });
      Process p = pb.start();
      process = p;
      writePidFile(p);
      p.onExit().thenAccept(this::exited);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + spec.name() + " ("
          + String.join(" ", spec.command()) + ")", e);
    }
  }

  // Synchronized with close(): a crash noticed while the stack is stopping must not relaunch.
  private synchronized void exited(Process p) {
    if (stopping || p != process) {
      return;
    }
    String tail = logTail(5);
    if (restartOnCrash && restarts < MAX_RESTARTS) {
      restarts++;
      out.printf("! %s exited with code %d; restarting (%d/%d), log %s%n%s%n", spec.name(),
          p.exitValue(), restarts, MAX_RESTARTS, spec.logFile(), tail);
      launch();
    } else {
      out.printf("! %s exited with code %d and is not restarted; log %s%n%s%n", spec.name(),
          p.exitValue(), spec.logFile(), tail);
    }
  }

  public String name() {
    return spec.name();
  }

  public Path logFile() {
    return spec.logFile();
  }

  public boolean isAlive() {
    Process p = process;
    return p != null && p.isAlive();
  }

  public long pid() {
    return process.pid();
  }

  /**
   * Polls {@code probe} until it holds; fails with the log's tail if the process exits first or
   * the time runs out.
   */
  public void awaitHealthy(Duration timeout, BooleanSupplier probe) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      if (probe.getAsBoolean()) {
        return;
      }
      Process p = process;
      if (!p.isAlive()) {
        throw new IllegalStateException(spec.name() + " exited with code " + p.exitValue()
            + " before it was ready; last lines of " + spec.logFile() + ":\n" + logTail(30));
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(spec.name() + " was not ready after "
            + timeout.toSeconds() + " s; last lines of " + spec.logFile() + ":\n" + logTail(30));
      }
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for " + spec.name(), e);
      }
    }
  }

  /** SIGKILL, no restart: what a crash looks like (tests). */
  public void killHard() {
    Process p = markStopping();
    p.descendants().forEach(ProcessHandle::destroyForcibly);
    p.destroyForcibly();
    try {
      p.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    deletePidFile();
  }

  /** SIGTERM to the tree, SIGKILL after 10 s. */
  @Override
  public void close() {
    Process p = markStopping();
    if (p == null) {
      return;
    }
    stopTree(p.toHandle(), Duration.ofSeconds(10));
    // ProcessHandle sees the death before the JDK's reaper has collected the exit status, and
    // Process.isAlive() answers from that status: wait for it so that close() means "dead".
    try {
      if (!p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
        p.destroyForcibly().waitFor(5, java.util.concurrent.TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    deletePidFile();
  }

  /** Stops restarts and returns the process to stop: no relaunch can follow this call. */
  private synchronized Process markStopping() {
    stopping = true;
    return process;
  }

  static void stopTree(ProcessHandle root, Duration grace) {
    List<ProcessHandle> tree = new ArrayList<>();
    root.descendants().forEach(tree::add);
    tree.add(0, root);
    tree.forEach(ProcessHandle::destroy);
    long deadline = System.nanoTime() + grace.toNanos();
    for (ProcessHandle h : tree) {
      while (h.isAlive() && System.nanoTime() < deadline) {
        try {
          Thread.sleep(50);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
    }
    tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
  }

  public String logTail(int lines) {
    try {
      List<String> all = Files.readAllLines(spec.logFile(), StandardCharsets.UTF_8);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException | UncheckedIOException e) {
      return "(cannot read " + spec.logFile() + ": " + e.getMessage() + ")";
    }
  }

  private Path pidFile() {
    return spec.runDir().resolve(spec.name() + ".pid");
  }

  private void writePidFile(Process p) throws IOException {
    Files.createDirectories(spec.runDir());
    String started = p.info().startInstant().map(Instant::toString).orElse("?");
    Files.writeString(pidFile(), p.pid() + "\n" + started + "\n", StandardCharsets.UTF_8);
  }

  private void deletePidFile() {
    try {
      Files.deleteIfExists(pidFile());
    } catch (IOException ignored) {
      // A stale pid file is checked against the start time before it is acted on.
    }
  }

  /**
   * Stops children a previous stack left running (it was SIGKILLed). A pid is only acted on when
   * the live process's start time is the one recorded, so a reused pid is never touched.
   */
  public static void stopOrphans(Path runDir, PrintStream out) {
    if (!Files.isDirectory(runDir)) {
      return;
    }
    try (Stream<Path> files = Files.list(runDir)) {
      for (Path f : files.filter(x -> x.toString().endsWith(".pid")).toList()) {
        List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
        if (lines.size() >= 2) {
          long pid = Long.parseLong(lines.get(0).trim());
          String started = lines.get(1).trim();
          ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
              .filter(h -> h.info().startInstant().map(Instant::toString).orElse("")
                  .equals(started))
              .ifPresent(h -> {
                out.println("stopping " + f.getFileName().toString().replace(".pid", "")
                    + " (pid " + pid + ") left running by an earlier stack");
                stopTree(h, Duration.ofSeconds(10));
              });
        }
        Files.deleteIfExists(f);
      }
    } catch (IOException | NumberFormatException e) {
      out.println("warning: cannot check " + runDir + " for orphaned children: " + e);
    }
  }
}
