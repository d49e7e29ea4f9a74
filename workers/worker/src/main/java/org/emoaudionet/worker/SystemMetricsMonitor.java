package org.emoaudionet.worker;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Logs {@link SystemMetrics} to a run from a daemon thread every {@code interval}, as MLflow's
 * {@code SystemMetricsMonitor} does for a Python run: a sample at once, one per interval, and a
 * last one when closed, each at the next step (a retry continues after the steps the run already
 * has). Closed when train ends, however it ends (try-with-resources). Tracking trouble never
 * reaches the training: a failed sample is said once in the task log and the thread goes on.
 */
final class SystemMetricsMonitor implements AutoCloseable {
  private final MlflowTracker mlflow;
  private final String runId;
  private final SystemMetrics sampler;
  private final TaskLog log;
  private final ScheduledExecutorService thread;
  private final AtomicLong step;
  private final AtomicInteger logged = new AtomicInteger();
  private final AtomicBoolean complained = new AtomicBoolean();

  private SystemMetricsMonitor(MlflowTracker mlflow, String runId, SystemMetrics sampler,
      Duration interval, TaskLog log) {
    this.mlflow = mlflow;
    this.runId = runId;
    this.sampler = sampler;
    this.log = log;
    long first = 0;
    if (runId != null && interval != null) {
      try {
        first = mlflow.lastStep(runId, SystemMetrics.PREFIX) + 1;
      } catch (RuntimeException e) {
        // MLflow unreachable now: start at 0; a later sample says if it stays so
      }
    }
    this.step = new AtomicLong(first);
    if (runId == null || interval == null) {
      thread = null;
      return;
    }
    thread = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "mlflow-system-metrics-" + runId);
      t.setDaemon(true);
      return t;
    });
    thread.scheduleAtFixedRate(this::sampleAndLog, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * Starts sampling; {@code runId} null (not tracked) or {@code interval} null (switched off)
   * make a monitor that does nothing.
   */
  static SystemMetricsMonitor start(MlflowTracker mlflow, String runId, SystemMetrics sampler,
      Duration interval, TaskLog log) {
    return new SystemMetricsMonitor(mlflow, runId, sampler, interval, log);
  }

  /** How many samples reached MLflow so far. */
  int logged() {
    return logged.get();
  }

  private void sampleAndLog() {
    try {
      Map<String, Double> m = sampler.sample();
      mlflow.logMetrics(runId, m, step.getAndIncrement());
      logged.incrementAndGet();
    } catch (RuntimeException e) {
      if (complained.compareAndSet(false, true)) {
        log.say("MLflow system metrics not logged: " + e.getMessage());
      }
    }
  }

  @Override
  public void close() {
    if (thread == null) return;
    // shutdown, not shutdownNow: the periodic sample stops, but one in flight finishes (an
    // interrupted HTTP call may have reached MLflow and would go uncounted)
    thread.shutdown();
    try {
      thread.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    sampleAndLog(); // the state at the end, however short the training was
    log.say(logged() + " system metric samples logged to MLflow");
  }
}
