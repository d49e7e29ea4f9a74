package org.emoaudionet.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import java.util.List;
import org.emoaudionet.config.PipelineConfig;
import org.emoaudionet.features.SegmentFeatures;
import org.emoaudionet.model.EmoAudioNetBlock;
import org.emoaudionet.model.EmoAudioNetFactory;
import org.emoaudionet.spec.Architecture;
import org.junit.jupiter.api.Test;

class NetworkTest {
  static {
    TestEngine.singleThreaded();
  }

  @Test
  void trainingStepsLeaveNoArraysBehindAndLowerTheLoss() {
    List<SegmentFeatures> batch = SyntheticData.make(2, 8, 0, 64, 11).segments();
    try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
      Engine.getInstance().setRandomSeed(3);
      EmoAudioNetBlock b = EmoAudioNetFactory.buildInitialized(
          Architecture.EMOAUDIONET, PipelineConfig.small().model(), 2, 177, m);
      RmsProp opt = RmsProp.builder().optLearningRate(new LearningRate(1e-3f)).build();
      Network net = new Network(b, m, opt, LossFunction.CROSS_ENTROPY, 177, 64);
      double first = net.evaluate(batch).lossSum();
      net.train(batch);
      int arrays = m.getManagedArrays().size();
      for (int i = 0; i < 4; i++) net.train(batch);
      assertEquals(arrays, m.getManagedArrays().size(), "arrays left on the model's manager");
      // Same batch, 5 RMSProp steps: the (dropout-free) loss must have gone down.
      assertTrue(net.evaluate(batch).lossSum() < first);
    }
  }
}
