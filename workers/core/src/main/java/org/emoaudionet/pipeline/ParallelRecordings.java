package org.emoaudionet.pipeline;

import java.io.IOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Runs per-recording work on all cores, each thread with its own scratch object (feature
 * extractors keep FFT buffers). Results are written by index, so the output order does not
 * depend on thread timing and seeded runs stay reproducible.
 */
final class ParallelRecordings {
  private ParallelRecordings() {}

  interface Work<T> {
    void run(int index, T scratch) throws IOException;
  }

  static <T> void forEach(int n, Supplier<T> scratch, Work<T> work) throws IOException {
    int threads = Math.max(1, Math.min(n, Integer.getInteger("emo.threads",
        Runtime.getRuntime().availableProcessors())));
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "emo-preprocess");
      t.setDaemon(true);
      return t;
    });
    try {
      Future<?>[] futures = new Future<?>[threads];
      for (int t = 0; t < threads; t++) {
        futures[t] = pool.submit(() -> {
          T s = scratch.get();
          for (int i; (i = next.getAndIncrement()) < n; ) work.run(i, s);
          return null;
        });
      }
      for (Future<?> f : futures) f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) throw io;
      if (e.getCause() instanceof RuntimeException re) throw re;
      throw new IOException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }
}
