package org.emoaudionet.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.emoaudionet.config.PipelineConfig;
import org.emoaudionet.spec.Architecture;
import org.junit.jupiter.api.Test;

class EmoAudioNetFactoryTest {
  static {
    System.setProperty("ai.djl.pytorch.num_threads", "1"); // see train.TestEngine
  }

  private static final PipelineConfig.ModelConfig PAPER = PipelineConfig.paper().model();
  private static final PipelineConfig.ModelConfig SMALL = PipelineConfig.small().model();

  // Hand counts (SPEC.md "Model"): conv weights k*k*in*out + out biases.
  private static long spectrogramParams(int c) {
    long first = 3L * 3 * 3 * c + c;
    long other = 3L * 3 * c * c + c;
    return first + 5 * other; // 2 + 3 + 1 convolutions
  }

  private static long mfccParams(int c) {
    return (5L * 1 * c + c) + (5L * c * c + c);
  }

  private static long count(Architecture a, PipelineConfig.ModelConfig cfg, int classes) {
    try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
      return ModelSummary.parameterCount(EmoAudioNetFactory.buildInitialized(a, cfg, classes, 177, m));
    }
  }

  @Test
  void paperPresetHasThePapersParameterCount() {
    assertEquals(864_010, count(Architecture.EMOAUDIONET, PAPER, 10));
    assertEquals(741_504, spectrogramParams(128));
    assertEquals(82_816, mfccParams(128));
    assertEquals(864_010, spectrogramParams(128) + mfccParams(128) + 3968L * 10 + 10);
  }

  @Test
  void branchesAloneHaveTheirHandCounts() {
    assertEquals(spectrogramParams(128) + 1152L * 10 + 10, count(Architecture.SPECTROGRAM, PAPER, 10));
    assertEquals(mfccParams(128) + 2816L * 10 + 10, count(Architecture.MFCC, PAPER, 10));
    assertEquals(3968, SpectrogramBranch.flattenedSize(224, 128) + MfccBranch.flattenedSize(177, 128));
  }

  @Test
  void branchOutputShapesAtPaperSize() {
    try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
      SpectrogramBranch s = new SpectrogramBranch(128, 0.1);
      s.initialize(m, DataType.FLOAT32, new Shape(2, 3, 224, 224));
      assertEquals(new Shape(2, 1152), s.getOutputShapes(new Shape[] {new Shape(2, 3, 224, 224)})[0]);
      MfccBranch f = new MfccBranch(128, 0.1);
      f.initialize(m, DataType.FLOAT32, new Shape(2, 1, 177));
      assertEquals(new Shape(2, 2816), f.getOutputShapes(new Shape[] {new Shape(2, 1, 177)})[0]);
    }
  }

  @Test
  void smallPresetForwardGivesLogitsForEveryArchitecture() {
    for (Architecture a : Architecture.values()) {
      try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
        EmoAudioNetBlock b = EmoAudioNetFactory.buildInitialized(a, SMALL, 3, 177, m);
        NDList in = new NDList(m.randomUniform(0, 1, new Shape(5, 1, 177)),
            m.randomUniform(0, 1, new Shape(5, 3, 64, 64)));
        NDArray out = b.forward(new ParameterStore(m, false), in, true).singletonOrThrow();
        assertEquals(new Shape(5, 3), out.getShape(), a.toString());
        long expectedFeatures = switch (a) {
          case MFCC -> 16 * 22;
          case SPECTROGRAM -> 16;
          case EMOAUDIONET -> 16 + 16 * 22;
        };
        assertArrayEquals(new long[] {3, expectedFeatures},
            b.getParameters().get("03classifier_weight".replace("03",
                a == Architecture.EMOAUDIONET ? "03" : "02")).getShape().getShape(), a.toString());
      }
    }
  }

  @Test
  void summaryListsLayersAndTotal() {
    String s = ModelSummary.describe(Architecture.EMOAUDIONET, PAPER, 10);
    assertTrue(s.contains("total parameters: 864,010"), s);
    assertTrue(s.contains("(B, 128, 3, 3)"), s);
    assertTrue(s.contains("(B, 3968)"), s);
    assertTrue(s.contains("(B, 2816)"), s);
  }
}
