package org.emoaudionet.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import org.emoaudionet.config.PipelineConfig;
import org.emoaudionet.spec.Architecture;
import org.junit.jupiter.api.Test;

class ChannelsLastTest {
  static {
    System.setProperty("ai.djl.pytorch.num_threads", "1"); // see train.TestEngine
  }

  @Test
  void sameShapeAndValuesAndConvolutionsAgree() {
    try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
      NDArray x = m.randomUniform(0f, 1f, new Shape(2, 3, 16, 16));
      NDArray cl = ChannelsLast.of(x);
      assertEquals(x.getShape(), cl.getShape());
      assertArrayEquals(x.toFloatArray(), cl.toFloatArray());
      NDArray w = m.randomNormal(new Shape(4, 3, 3, 3));
      NDArray b = m.zeros(new Shape(4));
      float[] plain = Conv2d.conv2d(x, w, b, new Shape(1, 1), new Shape(1, 1)).singletonOrThrow().toFloatArray();
      float[] last = Conv2d.conv2d(cl, w, b, new Shape(1, 1), new Shape(1, 1)).singletonOrThrow().toFloatArray();
      assertArrayEquals(plain, last, 1e-4f);
      assertThrows(IllegalArgumentException.class, () -> ChannelsLast.of(m.zeros(new Shape(2, 3))));
    }
  }

  @Test
  void inferenceLogitsAreTheFusedNetworksWithDropoutOff() {
    // Inference (channels-last) against a training-mode forward with dropout 0 (NCHW): the same
    // function of the same weights, so the logits agree to float rounding.
    PipelineConfig.ModelConfig small = PipelineConfig.small().model();
    PipelineConfig.ModelConfig cfg = new PipelineConfig.ModelConfig(small.imageSize(), small.channels(), 0.0,
        small.mfccChannels());
    try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
      Engine.getInstance().setRandomSeed(9);
      EmoAudioNetBlock block = EmoAudioNetFactory.buildInitialized(Architecture.EMOAUDIONET, cfg, 3, 177, m);
      NDList in = new NDList(m.randomNormal(new Shape(2, 1, 177)), m.randomUniform(0f, 1f, new Shape(2, 3, 64, 64)));
      ParameterStore ps = new ParameterStore(m, false);
      GradMode.off();
      float[] eval = block.forward(ps, in, false).singletonOrThrow().toFloatArray();
      float[] train = block.forward(ps, in, true).singletonOrThrow().toFloatArray();
      assertArrayEquals(train, eval, 1e-4f);
    }
  }
}
