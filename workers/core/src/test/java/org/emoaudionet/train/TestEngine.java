package org.emoaudionet.train;

/**
 * One PyTorch thread for the tests: on a shared, overloaded 2-core box, two OpenMP threads that
 * spin-wait for each other made a training step 5x slower. Only effective if set before the
 * engine first loads in this JVM.
 */
final class TestEngine {
  private TestEngine() {}

  static void singleThreaded() {
    System.setProperty("ai.djl.pytorch.num_threads", System.getProperty("ai.djl.pytorch.num_threads", "1"));
    System.setProperty("ai.djl.pytorch.num_interop_threads",
        System.getProperty("ai.djl.pytorch.num_interop_threads", "1"));
  }
}
