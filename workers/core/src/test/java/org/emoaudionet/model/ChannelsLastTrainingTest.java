package org.emoaudionet.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;
import org.emoaudionet.config.PipelineConfig;
import org.emoaudionet.spec.Architecture;
import org.junit.jupiter.api.Test;

class ChannelsLastTrainingTest {
  static {
    System.setProperty("ai.djl.pytorch.num_threads", "1"); // see train.TestEngine
  }

  @Test
  void autoMeansACpuWithAvx512AndTheSettingIsChecked() {
    assertTrue(ChannelsLastTraining.resolve(null, false, true));
    assertTrue(ChannelsLastTraining.resolve(" AUTO ", false, true));
    assertFalse(ChannelsLastTraining.resolve("auto", false, false), "AVX2: NCHW trained faster");
    assertFalse(ChannelsLastTraining.resolve("", true, true), "GPU: not measured, NCHW");
    assertTrue(ChannelsLastTraining.resolve("on", false, false));
    assertFalse(ChannelsLastTraining.resolve("off", false, true));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ChannelsLastTraining.resolve("nhwc", false, true));
    assertTrue(e.getMessage().contains("EMO_CHANNELS_LAST_TRAINING") && e.getMessage().contains("'nhwc'"),
        e.getMessage());

    String zen4 = "processor\t: 0\nflags\t\t: fpu sse2 avx2 avx512f avx512dq avx512_bf16\n";
    String zen2 = "processor\t: 0\nflags\t\t: fpu sse2 avx2 fma\nbugs\t\t: avx512f_fake\n";
    assertTrue(ChannelsLastTraining.hasAvx512(zen4));
    assertFalse(ChannelsLastTraining.hasAvx512(zen2), "only the flags line counts, whole words");
  }

  /** Logits and every parameter gradient of one seeded training step, in the set layout. */
  private static List<float[]> trainingStep(String layout) {
    String before = System.getProperty(ChannelsLastTraining.PROPERTY);
    System.setProperty(ChannelsLastTraining.PROPERTY, layout);
    PipelineConfig.ModelConfig small = PipelineConfig.small().model();
    try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
      Engine.getInstance().setRandomSeed(5);
      EmoAudioNetBlock block = EmoAudioNetFactory.buildInitialized(Architecture.EMOAUDIONET, small, 3, 177, m);
      NDList in = new NDList(m.randomNormal(new Shape(2, 1, 177)), m.randomUniform(0f, 1f, new Shape(2, 3, 64, 64)));
      List<float[]> out = new ArrayList<>();
      Engine.getInstance().setRandomSeed(6); // the same dropout masks in both layouts
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        NDArray logits = block.forward(new ParameterStore(m, false), in, true).singletonOrThrow();
        out.add(logits.toFloatArray());
        gc.backward(logits.mul(m.arange(6f).reshape(2, 3)).sum());
      }
      block.getParameters().forEach(p -> out.add(p.getValue().getArray().getGradient().toFloatArray()));
      return out;
    } finally {
      if (before == null) System.clearProperty(ChannelsLastTraining.PROPERTY);
      else System.setProperty(ChannelsLastTraining.PROPERTY, before);
    }
  }

  @Test
  void channelsLastTrainsTheSameFunctionAsNchw() {
    List<float[]> nchw = trainingStep("off");
    List<float[]> last = trainingStep("on");
    assertArrayEquals(nchw.get(0), last.get(0), 1e-4f, "training logits");
    for (int i = 1; i < nchw.size(); i++) assertArrayEquals(nchw.get(i), last.get(i), 1e-3f, "gradient " + i);
    double sum = 0;
    for (int i = 1; i < nchw.size(); i++) for (float g : nchw.get(i)) sum += Math.abs(g);
    assertTrue(sum > 0, "the gradients are not all zero");
  }
}
