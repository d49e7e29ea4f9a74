package org.emoaudionet.metrics;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClassificationMetricsTest {
  @Test
  void handComputedExample() {
    // truth A A A B B C, predicted A A B B C C
    // confusion [[2,1,0],[0,1,1],[0,0,1]]; A: P 2/2 R 2/3 F1 0.8; B: P 1/2 R 1/2 F1 0.5;
    // C: P 1/2 R 1/1 F1 2/3; macro-F1 (0.8 + 0.5 + 2/3) / 3; accuracy 4/6.
    ClassificationMetrics m = ClassificationMetrics.of(List.of("A", "B", "C"),
        new int[] {0, 0, 0, 1, 1, 2}, new int[] {0, 0, 1, 1, 2, 2});
    assertArrayEquals(new long[] {2, 1, 0}, m.confusion()[0]);
    assertArrayEquals(new long[] {0, 1, 1}, m.confusion()[1]);
    assertArrayEquals(new long[] {0, 0, 1}, m.confusion()[2]);
    assertEquals(4.0 / 6, m.accuracy(), 1e-12);
    assertEquals((0.8 + 0.5 + 2.0 / 3) / 3, m.f1Macro(), 1e-12);
    ClassificationMetrics.PerClass a = m.perClass().get(0);
    assertEquals(1.0, a.precision(), 1e-12);
    assertEquals(2.0 / 3, a.recall(), 1e-12);
    assertEquals(0.8, a.f1(), 1e-12);
    assertEquals(3, a.support());
    assertEquals(0.5, m.perClass().get(2).precision(), 1e-12);
    assertEquals(1.0, m.perClass().get(2).recall(), 1e-12);
  }

  @Test
  void absentClassIsLeftOutOfMacroF1AndNeverPredictedClassScoresZero() {
    // D never occurs; B is never predicted (precision 0 by convention, like scikit-learn).
    ClassificationMetrics m = ClassificationMetrics.of(List.of("A", "B", "C", "D"),
        new int[] {0, 1, 2, 2}, new int[] {0, 0, 2, 2});
    assertEquals(0.0, m.perClass().get(1).precision());
    assertEquals(0.0, m.perClass().get(1).f1());
    assertEquals(0, m.perClass().get(3).support());
    // A: P 1/2 R 1 F1 2/3; B: 0; C: 1 -> (2/3 + 0 + 1) / 3
    assertEquals((2.0 / 3 + 1) / 3, m.f1Macro(), 1e-12);
  }

  @Test
  void perfectAndAllWrong() {
    ClassificationMetrics p = ClassificationMetrics.of(List.of("0", "1"), new int[] {0, 1, 1}, new int[] {0, 1, 1});
    assertEquals(1.0, p.accuracy());
    assertEquals(1.0, p.f1Macro());
    ClassificationMetrics w = ClassificationMetrics.of(List.of("0", "1"), new int[] {0, 1, 1}, new int[] {1, 0, 0});
    assertEquals(0.0, w.accuracy());
    assertEquals(0.0, w.f1Macro());
  }

  @Test
  void argmaxAndBadInput() {
    assertArrayEquals(new int[] {1, 0, 2},
        ClassificationMetrics.argmax(new float[][] {{0.2f, 0.7f, 0.1f}, {0.5f, 0.5f, 0f}, {0f, 0.1f, 0.9f}}));
    assertThrows(IllegalArgumentException.class,
        () -> ClassificationMetrics.of(List.of("a"), new int[] {0}, new int[] {1}));
    assertThrows(IllegalArgumentException.class,
        () -> ClassificationMetrics.of(List.of("a"), new int[] {0}, new int[] {}));
  }
}
