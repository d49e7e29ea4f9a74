package org.emoaudionet.api;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.mutiny.subscription.MultiEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Airflow's DagRunWaiter: a run's state as a stream of lines, one at once and one every period
 * until the run is finished (success or failed); the last line has the {@code return_value}
 * XComs of the {@code result} tasks that have one, by task id.
 *
 * <p>Unlike Airflow's, the wait is bounded: after {@code emo.api.wait-max-seconds} the stream
 * ends with the state it last saw (a client asks again), and it polls no faster than every
 * {@link #MIN_INTERVAL_MS} ms. No thread waits in between: each poll is a task scheduled on the
 * worker pool.
 */
@ApplicationScoped
public class DagRunWaiter {
  static final long MIN_INTERVAL_MS = 100;

  @Inject DagRunLookup lookup;
  @Inject RunViews views;
  @Inject XComViews xcoms;

  @ConfigProperty(name = "emo.api.wait-max-seconds", defaultValue = "3600")
  long maxSeconds;

  /** @param interval seconds between polls, greater than 0 */
  Multi<Map<String, Object>> lines(String dagId, String runId, double interval,
      List<String> result) {
    lookup.require(dagId, runId);
    long periodMs = Math.max(MIN_INTERVAL_MS, (long) Math.min(Math.ceil(interval * 1000),
        Long.MAX_VALUE / 2));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(maxSeconds);
    ScheduledExecutorService pool = Infrastructure.getDefaultWorkerPool();
    return Multi.createFrom().emitter(em -> pool.execute(
        new Poll(em, pool, dagId, runId, List.copyOf(result), periodMs, deadline)));
  }

  /** One state check; schedules the next unless the run finished or the time is up. */
  private final class Poll implements Runnable {
    private final MultiEmitter<? super Map<String, Object>> em;
    private final ScheduledExecutorService pool;
    private final String dagId;
    private final String runId;
    private final List<String> result;
    private final long periodMs;
    private final long deadline;

    Poll(MultiEmitter<? super Map<String, Object>> em, ScheduledExecutorService pool, String dagId,
        String runId, List<String> result, long periodMs, long deadline) {
      this.em = em;
      this.pool = pool;
      this.dagId = dagId;
      this.runId = runId;
      this.result = result;
      this.periodMs = periodMs;
      this.deadline = deadline;
    }

    @Override
    public void run() {
      if (em.isCancelled()) return;
      try {
        RunRecord run = lookup.require(dagId, runId);
        String state = views.snapshot(run).state();
        boolean finished = state.equals("success") || state.equals("failed");
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("state", state);
        if (finished && !result.isEmpty()) line.put("results", results(run));
        em.emit(line); // one JSON line each: Quarkus writes NDJSON elements newline-terminated
        long leftMs = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (finished || leftMs <= 0) {
          em.complete();
        } else {
          // a last look at the deadline, however long the interval asked for
          pool.schedule(this, Math.min(periodMs, leftMs), TimeUnit.MILLISECONDS);
        }
      } catch (RuntimeException e) {
        em.fail(e);
      }
    }

    private Map<String, Object> results(RunRecord run) {
      Map<String, Object> out = new LinkedHashMap<>();
      xcoms.rows(run).stream()
          .filter(r -> result.contains(r.taskId()))
          .sorted(java.util.Comparator.comparing(XComViews.Row::taskId))
          .forEach(r -> out.put(r.taskId(), r.value()));
      return out;
    }
  }
}
