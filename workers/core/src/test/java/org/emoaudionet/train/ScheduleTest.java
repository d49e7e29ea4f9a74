package org.emoaudionet.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ScheduleTest {
  @Test
  void plateauReducesAfterPatienceAndStopsAtMinimum() {
    LearningRate lr = new LearningRate(1e-3f);
    ReduceLrOnPlateau p = new ReduceLrOnPlateau(0.5, 2, 3e-4);
    assertFalse(p.update(1.0, lr));
    assertFalse(p.update(0.9, lr));
    assertFalse(p.update(0.95, lr)); // wait 1
    assertTrue(p.update(0.90, lr)); // wait 2: reduce
    assertEquals(5e-4f, lr.get(), 1e-10);
    assertFalse(p.update(0.89995, lr)); // within min_delta: no improvement, wait 1
    assertTrue(p.update(0.91, lr));
    assertEquals(3e-4f, lr.get(), 1e-10); // clamped at min
    p.update(1, lr);
    assertFalse(p.update(1, lr));
    assertEquals(3e-4f, lr.get(), 1e-10);
  }

  @Test
  void earlyStoppingCountsEpochsWithoutAccuracyGain() {
    EarlyStopping e = new EarlyStopping(2);
    assertTrue(e.update(1, 0.5));
    assertFalse(e.update(2, 0.5)); // equal is no gain
    assertFalse(e.shouldStop());
    assertTrue(e.update(3, 0.6));
    assertFalse(e.update(4, 0.4));
    assertFalse(e.update(5, 0.59));
    assertTrue(e.shouldStop());
    assertEquals(3, e.bestEpoch());
    assertEquals(0.6, e.best());
  }
}
