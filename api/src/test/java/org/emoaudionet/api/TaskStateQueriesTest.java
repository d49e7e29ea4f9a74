package org.emoaudionet.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.emoaudionet.workflows.pipeline.TaskState;
import org.junit.jupiter.api.Test;

/** Listing must not wait on runs whose worker died: bounded, side by side, remembered. */
class TaskStateQueriesTest {
  private static final TaskState[] ANSWER = {new TaskState("train", "running", 1L, 0L, 1, "")};

  /** A query nobody answers (a crashed worker's sticky queue). */
  private static Supplier<TaskState[]> hanging(AtomicInteger calls) {
    return () -> {
      calls.incrementAndGet();
      try {
        new CountDownLatch(1).await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return null;
    };
  }

  @Test
  void threeUnansweredRunsCostOneTimeoutNotThreeAndAreNotAskedAgainDuringTheCoolDown() {
    TaskStateQueries q = new TaskStateQueries(300, 60_000);
    AtomicInteger calls = new AtomicInteger();
    long t0 = System.nanoTime();
    for (String run : List.of("a", "b", "c")) q.prefetch(run, hanging(calls));
    for (String run : List.of("a", "b", "c")) {
      assertEquals(Optional.empty(), q.tasks(run, true, hanging(calls)));
    }
    long firstMs = (System.nanoTime() - t0) / 1_000_000;
    assertTrue(firstMs < 800, "three prefetched queries took " + firstMs + " ms, not ~300");

    long t1 = System.nanoTime();
    for (String run : List.of("a", "b", "c")) q.tasks(run, true, hanging(calls));
    long againMs = (System.nanoTime() - t1) / 1_000_000;
    assertTrue(againMs < 100, "cooling-down runs were asked again: " + againMs + " ms");
    assertEquals(3, calls.get(), "queries started");
  }

  @Test
  void aRunThatStopsAnsweringShowsItsLastAnswerAndAClosedRunIsAskedOnce() {
    TaskStateQueries q = new TaskStateQueries(300, 60_000);
    assertEquals(List.of(ANSWER), q.tasks("r", true, () -> ANSWER).orElseThrow());
    AtomicInteger calls = new AtomicInteger();
    assertEquals(List.of(ANSWER), q.tasks("r", true, hanging(calls)).orElseThrow(),
        "the last answer stands in while no worker answers");

    AtomicInteger asked = new AtomicInteger();
    Supplier<TaskState[]> counting = () -> {
      asked.incrementAndGet();
      return ANSWER;
    };
    q.tasks("done", false, counting);
    q.tasks("done", false, counting);
    assertEquals(1, asked.get());
  }
}
