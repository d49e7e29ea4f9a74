package org.emoaudionet.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RmsPropTest {
  static {
    TestEngine.singleThreaded();
  }

  private static final double RHO = 0.9;
  private static final double EPS = 1e-7;

  /** Hand calculation of Keras' RMSProp for one scalar: returns {w, ms} after the step. */
  private static double[] step(double w, double ms, double g, double lr) {
    ms = RHO * ms + (1 - RHO) * g * g;
    w -= lr * g / (Math.sqrt(ms) + EPS);
    return new double[] {w, ms};
  }

  @Test
  void oneAndTwoStepsMatchTheHandCalculation() {
    try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
      float[] w0 = {1f, -2f, 0.5f};
      float[] g1 = {0.1f, -3f, 2e-4f};
      float[] g2 = {-0.4f, 1f, 0f};
      NDArray w = m.create(w0);
      LearningRate lr = new LearningRate(0.01f);
      RmsProp opt = RmsProp.builder().optLearningRate(lr).build();
      opt.update("p", w, m.create(g1));
      float[] after1 = w.toFloatArray();
      lr.set(0.005f); // a plateau reduction between the steps
      opt.update("p", w, m.create(g2));
      float[] after2 = w.toFloatArray();
      for (int i = 0; i < 3; i++) {
        double[] s1 = step(w0[i], 0, g1[i], 0.01);
        assertEquals(s1[0], after1[i], 1e-6, "step 1, element " + i);
        double[] s2 = step(s1[0], s1[1], g2[i], 0.005);
        assertEquals(s2[0], after2[i], 1e-6, "step 2, element " + i);
      }
      // First step moves each weight by about lr / sqrt(1 - rho) whatever the gradient's scale.
      assertEquals(1 - 0.01 / Math.sqrt(0.1), after1[0], 1e-5);
    }
  }

  @Test
  void exportedStateRestoresTheSameNextStep() {
    try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
      ai.djl.nn.core.Linear a = ai.djl.nn.core.Linear.builder().setUnits(2).build();
      a.initialize(m, ai.djl.ndarray.types.DataType.FLOAT32, new ai.djl.ndarray.types.Shape(1, 3));
      ai.djl.nn.core.Linear b = ai.djl.nn.core.Linear.builder().setUnits(2).build();
      b.initialize(m, ai.djl.ndarray.types.DataType.FLOAT32, new ai.djl.ndarray.types.Shape(1, 3));
      NDArray wa = a.getParameters().get("weight").getArray();
      NDArray wb = b.getParameters().get("weight").getArray();
      wa.copyTo(wb);
      RmsProp oa = RmsProp.builder().optLearningRate(new LearningRate(0.1f)).build();
      NDArray g = m.create(new float[] {1, 2, 3, 4, 5, 6}, wa.getShape());
      oa.update(a.getParameters().get("weight").getId(), wa, g);
      wa.copyTo(wb);
      Map<String, NDArray> state = oa.exportState(a.getParameters());
      assertEquals(1, state.size());
      RmsProp ob = RmsProp.builder().optLearningRate(new LearningRate(0.1f)).build();
      ob.importState(b.getParameters(), state);
      oa.update(a.getParameters().get("weight").getId(), wa, g);
      ob.update(b.getParameters().get("weight").getId(), wb, g);
      float[] x = wa.toFloatArray();
      float[] y = wb.toFloatArray();
      for (int i = 0; i < x.length; i++) assertEquals(x[i], y[i], 0f);
      // Without the restored ms, the second step would be the large first-step move.
      RmsProp fresh = RmsProp.builder().optLearningRate(new LearningRate(0.1f)).build();
      NDArray wc = wa.duplicate();
      float before = wc.toFloatArray()[0];
      fresh.update("c", wc, g);
      assertEquals(before - 0.1 / Math.sqrt(0.1), wc.toFloatArray()[0], 1e-5);
    }
  }
}
