package org.emoaudionet.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WorkBufferPoolTest {

  /** 200 threads one after another (a server pool's worth) share the one instance there is. */
  @Test
  void sequentialCallersOnManyThreadsReuseOneInstance() throws Exception {
    AtomicInteger made = new AtomicInteger();
    WorkBufferPool<int[]> pool = new WorkBufferPool<>(() -> {
      made.incrementAndGet();
      return new int[1];
    }, new int[1]);
    for (int i = 0; i < 200; i++) {
      Thread t = new Thread(() -> pool.with(b -> ++b[0]));
      t.start();
      t.join();
    }
    assertEquals(0, made.get(), "no instance beyond the first was built");
    assertEquals(1, pool.idle());
  }

  /** Callers at the same time never share an instance; the pool keeps the peak, no more. */
  @Test
  void simultaneousCallersEachHoldTheirOwn() throws Exception {
    int n = 8;
    WorkBufferPool<int[]> pool = new WorkBufferPool<>(() -> new int[1], new int[1]);
    CountDownLatch inside = new CountDownLatch(n);
    CountDownLatch leave = new CountDownLatch(1);
    AtomicInteger clashes = new AtomicInteger();
    Thread[] threads = new Thread[n];
    for (int i = 0; i < n; i++) {
      threads[i] = new Thread(() -> pool.with(b -> {
        if (++b[0] != 1) clashes.incrementAndGet();
        inside.countDown();
        try {
          leave.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        b[0]--;
        return null;
      }));
      threads[i].start();
    }
    assertTrue(inside.await(10, java.util.concurrent.TimeUnit.SECONDS));
    leave.countDown();
    for (Thread t : threads) t.join();
    assertEquals(0, clashes.get(), "an instance was lent twice at once");
    assertEquals(n, pool.idle());
  }

  /** The extractor's answers do not depend on which pooled calculator computed them. */
  @Test
  void extractorFromManyThreadsGivesTheSameFeatures() throws Exception {
    FeatureExtractor fx = new FeatureExtractor(16000, 40, 32, 13);
    float[] seg = new float[16000];
    for (int i = 0; i < seg.length; i++) seg[i] = (float) Math.sin(i * 0.05) * 0.3f;
    float[] mfcc = fx.mfcc(seg);
    byte[] image = fx.image(seg);
    Thread[] ts = new Thread[4];
    AtomicInteger wrong = new AtomicInteger();
    for (int i = 0; i < ts.length; i++) {
      ts[i] = new Thread(() -> {
        for (int k = 0; k < 5; k++) {
          if (!java.util.Arrays.equals(mfcc, fx.mfcc(seg))) wrong.incrementAndGet();
          if (!java.util.Arrays.equals(image, fx.image(seg))) wrong.incrementAndGet();
        }
      });
      ts[i].start();
    }
    for (Thread t : ts) t.join();
    assertEquals(0, wrong.get());
    assertArrayEquals(mfcc, fx.mfcc(seg));
  }
}
