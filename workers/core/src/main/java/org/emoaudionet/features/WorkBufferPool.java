package org.emoaudionet.features;

import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Calculators that own work buffers (FFT tables, frame arrays), lent to one caller at a time.
 *
 * <p>Why not a {@link ThreadLocal}: the API serves on a pool of up to hundreds of threads, and a
 * thread-local pair of calculators per thread that ever extracted features grew the heap with
 * every new pool thread (issue 13's 1,000 hostile uploads: 26 new pairs, +4 to +55 MB). Here the
 * number of instances is the peak number of simultaneous callers, whatever the thread count, and
 * an instance freed by one thread is reused by the next.
 */
final class WorkBufferPool<T> {
  private final ConcurrentLinkedDeque<T> free = new ConcurrentLinkedDeque<>();
  private final Supplier<T> factory;

  WorkBufferPool(Supplier<T> factory, T first) {
    this.factory = factory;
    free.push(first);
  }

  /** Runs {@code work} with an instance nobody else holds meanwhile. */
  <R> R with(Function<T, R> work) {
    T t = free.poll();
    if (t == null) t = factory.get();
    try {
      return work.apply(t);
    } finally {
      free.push(t);
    }
  }

  /** Instances created so far and now idle (for tests). */
  int idle() {
    return free.size();
  }
}
