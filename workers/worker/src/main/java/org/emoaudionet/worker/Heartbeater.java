package org.emoaudionet.worker;

import io.temporal.activity.ActivityExecutionContext;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Heartbeats the latest progress every few seconds from a side thread, so that a step slower
 * than the heartbeat timeout (a long file, a slow epoch) does not look like a dead worker, while
 * a dead worker still stops heartbeating at once. Progress callbacks only replace the details.
 */
public final class Heartbeater implements AutoCloseable {
  static final long PERIOD_SECONDS = 5;

  private final ActivityExecutionContext ctx;
  private final AtomicReference<Object> details = new AtomicReference<>();
  private final ScheduledExecutorService timer;

  public Heartbeater(ActivityExecutionContext ctx, Object initial) {
    this.ctx = ctx;
    details.set(initial);
    timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "heartbeat-" + ctx.getInfo().getActivityType());
      t.setDaemon(true);
      return t;
    });
    timer.scheduleAtFixedRate(this::beat, 0, PERIOD_SECONDS, TimeUnit.SECONDS);
  }

  /** New details, heartbeated now (the SDK throttles what it sends). */
  public void update(Object d) {
    details.set(d);
    ctx.heartbeat(d);
  }

  private void beat() {
    try {
      ctx.heartbeat(details.get());
    } catch (RuntimeException e) {
      // cancelled or timed out: the activity thread learns it on its own next heartbeat
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
