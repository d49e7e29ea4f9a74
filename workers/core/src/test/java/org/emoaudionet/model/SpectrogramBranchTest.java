package org.emoaudionet.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import org.junit.jupiter.api.Test;

/** The ReLU moved behind dropout and pooling computes the paper's order exactly. */
class SpectrogramBranchTest {
  static {
    System.setProperty("ai.djl.pytorch.num_threads", "1"); // see train.TestEngine
  }

  private static final Shape INPUT = new Shape(2, 3, 64, 64);

  /** The paper's layer order, as the branch was built before the ReLU moved. */
  private static SequentialBlock paperOrder(int channels, float dropout) {
    SequentialBlock b = new SequentialBlock();
    for (int i = 0; i < 6; i++) {
      b.add(Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1))
          .setFilters(channels).build());
      b.add(Activation.reluBlock());
      if (i == 1 || i == 4 || i == 5) b.add(new SeededDropout(dropout));
      if (i == 1 || i == 5) b.add(Pool.maxPool2dBlock(new Shape(8, 8), new Shape(8, 8)));
    }
    return b.add(Blocks.batchFlattenBlock());
  }

  private static byte[] parameters(ai.djl.nn.Block b) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    b.saveParameters(new DataOutputStream(bytes));
    return bytes.toByteArray();
  }

  /** Output and input gradient of one training forward at a fixed engine seed. */
  private static float[][] trainingStep(ai.djl.nn.Block b, NDManager m, NDArray x) {
    NDArray in = x.duplicate();
    in.setRequiresGradient(true);
    Engine.getInstance().setRandomSeed(11);
    try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
      NDArray out = b.forward(new ParameterStore(m, false), new NDList(in), true).singletonOrThrow();
      // A weighted sum, so every output element's gradient differs.
      NDArray w = m.arange((int) out.size()).toType(DataType.FLOAT32, false).reshape(out.getShape());
      gc.backward(out.mul(w).sum());
      return new float[][] {out.toFloatArray(), in.getGradient().toFloatArray()};
    }
  }

  @Test
  void sameValuesAndGradientsAsThePaperOrderAndItsSavedModelsLoad() throws Exception {
    try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
      Engine.getInstance().setRandomSeed(3);
      SequentialBlock old = paperOrder(4, 0.3f);
      old.initialize(m, DataType.FLOAT32, INPUT);
      byte[] saved = parameters(old);

      SpectrogramBranch branch = new SpectrogramBranch(4, 0.3);
      branch.initialize(m, DataType.FLOAT32, INPUT);
      // A parameter file written in the paper's order loads into the new order.
      branch.loadParameters(m, new DataInputStream(new ByteArrayInputStream(saved)));
      assertEquals(old.getChildren().size(), branch.getChildren().size());

      // Centred inputs, so a good share of pre-activations is negative and the ReLUs matter.
      NDArray x = m.randomUniform(-1f, 1f, INPUT);
      float[] inference = old.forward(new ParameterStore(m, false), new NDList(x), false)
          .singletonOrThrow().toFloatArray();
      assertArrayEquals(inference, branch.forward(new ParameterStore(m, false), new NDList(x), false)
          .singletonOrThrow().toFloatArray(), 1e-6f);

      float[][] a = trainingStep(old, m, x);
      float[][] b = trainingStep(branch, m, x);
      assertArrayEquals(a[0], b[0], 1e-6f, "training output (same dropout masks)");
      assertArrayEquals(a[1], b[1], 1e-4f, "input gradient");
      double nonZero = 0;
      for (float g : a[1]) if (g != 0f) nonZero++;
      assertEquals(1.0, nonZero / a[1].length, 0.9, "the gradient is not trivially zero");
    }
  }
}
