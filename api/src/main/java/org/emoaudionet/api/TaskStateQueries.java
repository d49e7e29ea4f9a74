package org.emoaudionet.api;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.emoaudionet.workflows.pipeline.TaskState;
import org.jboss.logging.Logger;

/**
 * The {@code tasks()} query of each run, bounded and remembered. A query is answered by a worker
 * holding the workflow; after a worker crash nobody answers until its replacement replays the
 * history, and the SDK keeps retrying well past its RPC timeout. So an HTTP caller waits at most
 * one timeout per run, queries of one listing run side by side, a run that did not answer is not
 * asked again for a cool-down (its last answer stands in), and closed runs are asked once.
 */
final class TaskStateQueries {
  private static final Logger LOG = Logger.getLogger(TaskStateQueries.class);
  private static final ExecutorService POOL = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "emo-api-query");
    t.setDaemon(true);
    return t;
  });

  private record InFlight(Future<TaskState[]> answer, long startedNanos) {}

  private final long timeoutNanos;
  private final long coolDownNanos;
  private final Map<String, List<TaskState>> closed = new ConcurrentHashMap<>();
  private final Map<String, List<TaskState>> lastAnswer = new ConcurrentHashMap<>();
  private final Map<String, Long> unansweredAt = new ConcurrentHashMap<>();
  private final Map<String, InFlight> inFlight = new ConcurrentHashMap<>();

  TaskStateQueries(long timeoutMillis, long coolDownMillis) {
    this.timeoutNanos = TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    this.coolDownNanos = TimeUnit.MILLISECONDS.toNanos(coolDownMillis);
  }

  /** Starts the query of {@code runId} unless one is running, answered or cooling down. */
  void prefetch(String runId, Supplier<TaskState[]> query) {
    if (closed.containsKey(runId) || coolingDown(runId)) return;
    inFlight.computeIfAbsent(runId, k -> new InFlight(POOL.submit(query::get), System.nanoTime()));
  }

  /**
   * The run's task states: its answer within one timeout of when its query started, else the
   * last answer it gave (empty if none). {@code open} false: the answer is final, kept for good.
   */
  Optional<List<TaskState>> tasks(String runId, boolean open, Supplier<TaskState[]> query) {
    List<TaskState> done = closed.get(runId);
    if (done != null) return Optional.of(done);
    if (coolingDown(runId)) return Optional.ofNullable(lastAnswer.get(runId));
    prefetch(runId, query);
    InFlight q = inFlight.get(runId);
    if (q == null) return Optional.ofNullable(lastAnswer.get(runId));
    long left = timeoutNanos - (System.nanoTime() - q.startedNanos());
    try {
      TaskState[] states = q.answer().get(Math.max(0, left), TimeUnit.NANOSECONDS);
      inFlight.remove(runId, q);
      unansweredAt.remove(runId);
      List<TaskState> list = states == null ? List.of() : List.copyOf(Arrays.asList(states));
      if (open) {
        lastAnswer.put(runId, list);
      } else {
        closed.put(runId, list);
        lastAnswer.remove(runId);
      }
      return Optional.of(list);
    } catch (TimeoutException e) {
      inFlight.remove(runId, q);
      q.answer().cancel(true);
      unansweredAt.put(runId, System.nanoTime());
      LOG.debugf("tasks() query of run %s: no worker answered in time", runId);
      return Optional.ofNullable(lastAnswer.get(runId));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.ofNullable(lastAnswer.get(runId));
    } catch (ExecutionException | RuntimeException e) {
      inFlight.remove(runId, q);
      LOG.debugf("tasks() query of run %s failed: %s", runId, e.toString());
      return Optional.ofNullable(lastAnswer.get(runId));
    }
  }

  private boolean coolingDown(String runId) {
    Long at = unansweredAt.get(runId);
    return at != null && System.nanoTime() - at < coolDownNanos;
  }
}
