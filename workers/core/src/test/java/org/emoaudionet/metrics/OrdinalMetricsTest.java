package org.emoaudionet.metrics;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.emoaudionet.data.TaskSpec;
import org.junit.jupiter.api.Test;

class OrdinalMetricsTest {
  static final double[] X = {0.1, -0.3, 0.5, 0.8, -0.6, 0.2, 0.0, -0.1};
  static final double[] Y = {0.2, -0.1, 0.4, 0.5, -0.4, 0.3, 0.1, -0.2};

  @Test
  void matchesNumpy() {
    // numpy 2.x: mx, my = x.mean(), y.mean(); vx, vy = x.var(), y.var()
    // cov = ((x-mx)*(y-my)).mean(); ccc = 2*cov/(vx+vy+(mx-my)**2) -> 0.8921568627450982
    // np.corrcoef(x, y)[0,1] -> 0.9480195389515934; sqrt(((x-y)**2).mean()) -> 0.16583123951776998
    OrdinalMetrics m = OrdinalMetrics.of(X, Y);
    assertEquals(0.8921568627450982, m.ccc(), 1e-12);
    assertEquals(0.9480195389515934, m.pearsonCc(), 1e-12);
    assertEquals(0.16583123951776998, m.rmse(), 1e-12);
    assertEquals(0.15, m.mae(), 1e-12);
  }

  @Test
  void cccPenalisesBiasWherePearsonDoesNot() {
    double[] shifted = Y.clone();
    for (int i = 0; i < shifted.length; i++) shifted[i] += 0.5;
    OrdinalMetrics m = OrdinalMetrics.of(X, shifted);
    assertEquals(0.9480195389515934, m.pearsonCc(), 1e-12);
    assertEquals(0.429245283018868, m.ccc(), 1e-12); // same numpy formula with y + 0.5
  }

  @Test
  void perfectAndAntiCorrelated() {
    double[] x = {1, 2, 3, 4};
    OrdinalMetrics p = OrdinalMetrics.of(x, x);
    assertEquals(1, p.pearsonCc(), 1e-12);
    assertEquals(1, p.ccc(), 1e-12);
    assertEquals(0, p.rmse(), 1e-12);
    assertEquals(0, p.mae(), 1e-12);
    double[] neg = {4, 3, 2, 1};
    OrdinalMetrics a = OrdinalMetrics.of(x, neg);
    assertEquals(-1, a.pearsonCc(), 1e-12);
    // cov = -1.25, var = 1.25 each, same mean -> CCC = -2.5 / 2.5 = -1
    assertEquals(-1, a.ccc(), 1e-12);
    assertEquals(Math.sqrt(5), a.rmse(), 1e-12); // errors 3,1,-1,-3 -> mean square 5
    assertEquals(2, a.mae(), 1e-12);
    assertTrue(Double.isNaN(OrdinalMetrics.of(x, new double[] {2, 2, 2, 2}).pearsonCc()));
  }

  @Test
  void expectedValueOverBinCentres() {
    TaskSpec t = TaskSpec.binned("arousal", -1, 1, 10); // centres -0.9, -0.7, ..., 0.9
    float[][] p = new float[2][10];
    p[0][0] = 1f; // all on -0.9
    p[1][4] = 0.5f; // -0.1 and 0.3 half each -> 0.1
    p[1][6] = 0.5f;
    double[] ev = OrdinalMetrics.expectedValues(p, OrdinalMetrics.classValues(t));
    assertEquals(-0.9, ev[0], 1e-6);
    assertEquals(0.1, ev[1], 1e-6);
    assertArrayEquals(new double[] {0, 1},
        OrdinalMetrics.classValues(TaskSpec.categorical("phq8_binary", List.of("0", "1"))));
    assertNull(OrdinalMetrics.classValues(TaskSpec.categorical("gender", List.of("F", "M"))));
    assertEquals(24.0, OrdinalMetrics.classValues(TaskSpec.integerScale("phq8_score", 0, 24))[24]);
  }
}
