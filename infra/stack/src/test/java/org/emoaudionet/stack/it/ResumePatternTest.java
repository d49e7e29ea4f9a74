package org.emoaudionet.stack.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** What CrashResumeIT accepts as "resumed from epoch N" in a train log. */
class ResumePatternTest {
  @Test
  void findsTheResumeEpochInWorkerAndTrainerWording() {
    assertEquals(2, CrashResumeIT.maxResumeEpoch("epoch 1 ...\nresumed after epoch 2\n"));
    assertEquals(1, CrashResumeIT.maxResumeEpoch("resuming from /w/checkpoints (epoch 1)"));
    assertEquals(-1, CrashResumeIT.maxResumeEpoch("epoch 1 done\nepoch 2 done\n"));
    assertEquals(3, CrashResumeIT.maxResumeEpoch("[{\"event\":\"resumed after epoch 3\"}]"));
  }
}
