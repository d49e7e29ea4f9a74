package org.emoaudionet.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SeededDropoutTest {
  static {
    System.setProperty("ai.djl.pytorch.num_threads", "1"); // see train.TestEngine
  }

  private static float[] mask(int n, float keep, long seed) {
    ByteBuffer b = ByteBuffer.allocateDirect(n * Float.BYTES).order(ByteOrder.nativeOrder());
    DropoutMask.fill(b, n, keep, seed);
    float[] out = new float[n];
    b.asFloatBuffer().get(out);
    return out;
  }

  @Test
  void maskKeepsTheRequestedShareScaledByItsInverse() {
    int n = 1 << 20;
    float[] m = mask(n, 0.75f, 7);
    int kept = 0;
    for (float v : m) {
      if (v != 0f) {
        assertEquals(1f / 0.75f, v, 0f);
        kept++;
      }
    }
    // Binomial(2^20, 0.75): std 443 values; 5 std either side.
    assertEquals(0.75 * n, kept, 5 * 443);
  }

  @Test
  void maskIsAFunctionOfSeedAndIndexOnly() {
    int n = 3 * DropoutMask.CHUNK + 5;
    float[] whole = mask(n, 0.9f, 42);
    // The chunks are filled in parallel; a shorter mask is the longer one's prefix, so no value
    // depends on the order or the thread that drew it.
    assertArrayEquals(Arrays.copyOf(whole, DropoutMask.CHUNK + 3), mask(DropoutMask.CHUNK + 3, 0.9f, 42));
    assertArrayEquals(whole, mask(n, 0.9f, 42));
    assertFalse(Arrays.equals(whole, mask(n, 0.9f, 43)), "another seed draws another mask");
    // Chunks are not copies of each other.
    assertFalse(Arrays.equals(Arrays.copyOfRange(whole, 0, 1000),
        Arrays.copyOfRange(whole, DropoutMask.CHUNK, DropoutMask.CHUNK + 1000)));
  }

  @Test
  void maskRefusesAnImpossibleKeepProbability() {
    ByteBuffer b = ByteBuffer.allocateDirect(16).order(ByteOrder.nativeOrder());
    assertThrows(IllegalArgumentException.class, () -> DropoutMask.fill(b, 4, 0f, 1));
    assertThrows(IllegalArgumentException.class, () -> DropoutMask.fill(b, 8, 0.5f, 1));
    assertThrows(IllegalArgumentException.class, () -> new SeededDropout(1f));
  }

  @Test
  void identityInInferenceMaskedAndReproducibleInTraining() {
    try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
      SeededDropout d = new SeededDropout(0.25f);
      ParameterStore ps = new ParameterStore(m, false);
      NDArray x = m.randomUniform(1f, 2f, new Shape(4, 8, 32, 32));
      float[] xs = x.toFloatArray();
      assertArrayEquals(xs, d.forward(ps, new NDList(x), false).singletonOrThrow().toFloatArray());

      Engine.getInstance().setRandomSeed(5);
      float[] a = d.forward(ps, new NDList(x), true).singletonOrThrow().toFloatArray();
      float[] b = d.forward(ps, new NDList(x), true).singletonOrThrow().toFloatArray();
      Engine.getInstance().setRandomSeed(5);
      float[] c = d.forward(ps, new NDList(x), true).singletonOrThrow().toFloatArray();
      assertArrayEquals(a, c, "the engine's seed fixes the masks");
      assertFalse(Arrays.equals(a, b), "each call draws a new mask");
      int dropped = 0;
      for (int i = 0; i < a.length; i++) {
        if (a[i] == 0f) {
          dropped++;
        } else {
          assertEquals(xs[i] / 0.75f, a[i], 1e-6f);
        }
      }
      // Binomial(32768, 0.25): std 78 values.
      assertEquals(0.25 * a.length, dropped, 5 * 78);
    }
  }

  @Test
  void gradientIsTheMask() {
    try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
      SeededDropout d = new SeededDropout(0.5f);
      NDArray x = m.randomUniform(1f, 2f, new Shape(2, 3, 50));
      x.setRequiresGradient(true);
      float[] y;
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        NDArray out = d.forward(new ParameterStore(m, false), new NDList(x), true).singletonOrThrow();
        y = out.toFloatArray();
        gc.backward(out.sum());
      }
      float[] g = x.getGradient().toFloatArray();
      float[] xs = x.toFloatArray();
      for (int i = 0; i < g.length; i++) {
        assertEquals(y[i] == 0f ? 0f : 2f, g[i], 1e-6f);
        if (y[i] != 0f) assertEquals(2f * xs[i], y[i], 1e-5f);
      }
    }
  }

  @Test
  void parameterFilesAreThoseOfDjlsDropout() throws Exception {
    byte[] djl = saved(Dropout.builder().optRate(0.3f).build());
    byte[] ours = saved(new SeededDropout(0.3f));
    assertArrayEquals(djl, ours, "a model saved before SeededDropout loads unchanged");
    try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
      SequentialBlock net = net(new SeededDropout(0.3f));
      net.initialize(m, DataType.FLOAT32, new Shape(1, 6));
      net.loadParameters(m, new DataInputStream(new ByteArrayInputStream(djl)));
      assertTrue(net.isInitialized());
    }
  }

  private static SequentialBlock net(ai.djl.nn.Block dropout) {
    return new SequentialBlock().add(Linear.builder().setUnits(4).build()).add(dropout);
  }

  private static byte[] saved(ai.djl.nn.Block dropout) throws Exception {
    try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
      Engine.getInstance().setRandomSeed(3);
      SequentialBlock net = net(dropout);
      net.initialize(m, DataType.FLOAT32, new Shape(1, 6));
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      net.saveParameters(new DataOutputStream(bytes));
      return bytes.toByteArray();
    }
  }
}
