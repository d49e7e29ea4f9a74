package org.emoaudionet.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.emoaudionet.config.PipelineConfig;
import org.emoaudionet.data.TaskSpec;
import org.emoaudionet.model.EmoAudioNetBlock;
import org.emoaudionet.model.EmoAudioNetFactory;
import org.emoaudionet.model.MfccScaling;
import org.emoaudionet.model.ModelManifest;
import org.emoaudionet.model.ModelSummary;
import org.emoaudionet.model.TrainedModel;
import org.emoaudionet.spec.Architecture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TransferTest {
  static {
    TestEngine.singleThreaded();
  }

  private static final PipelineConfig SMALL = TrainerTest.small(1);

  @TempDir Path tmp;

  /** A SYNTHETIC "pretrained" 2-class model: a freshly initialised network saved as a model dir. */
  private static Path pretrained(Path dir, Architecture arch, PipelineConfig cfg, NDManager m) throws IOException {
    Engine.getInstance().setRandomSeed(1);
    EmoAudioNetBlock b = EmoAudioNetFactory.buildInitialized(arch, cfg.model(), 2, 177, m);
    TaskSpec gender = TaskSpec.categorical("gender", List.of("F", "M"));
    TrainedModel.save(dir, new ModelManifest(arch, gender, cfg, 177, 1, 0.5,
        ModelSummary.parameterCount(b), "synthetic", MfccScaling.IDENTITY), b);
    return dir;
  }

  @Test
  void copiesEveryLayerButTheFinalLinear() throws Exception {
    try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
      Path pre = pretrained(tmp.resolve("pre"), Architecture.EMOAUDIONET, SMALL, m);
      EmoAudioNetBlock source;
      try (TrainedModel p = TrainedModel.load(pre)) {
        source = p.block();
        Engine.getInstance().setRandomSeed(2);
        EmoAudioNetBlock target = EmoAudioNetFactory.buildInitialized(
            Architecture.EMOAUDIONET, SMALL.model(), 3, 177, m);
        float[] freshClassifier = target.getParameters().get("03classifier_weight").getArray().toFloatArray();
        Transfer.initialise(target, pre, SMALL.model(), 177);
        int compared = 0;
        for (Pair<String, Parameter> q : target.getParameters()) {
          float[] t = q.getValue().getArray().toFloatArray();
          if (Transfer.isClassifier(q.getKey())) continue;
          assertArrayEquals(source.getParameters().get(q.getKey()).getArray().toFloatArray(), t, q.getKey());
          compared++;
        }
        assertEquals(16, compared); // 6 + 2 convolutions, weight and bias each
        Parameter cls = target.getParameters().get("03classifier_weight");
        assertArrayEquals(new long[] {3, 16 + 16 * 22}, cls.getArray().getShape().getShape());
        assertArrayEquals(freshClassifier, cls.getArray().toFloatArray());
        assertEquals(2, source.getParameters().get("03classifier_weight").getArray().getShape().get(0));
      }
    }
  }

  @Test
  void refusesAnotherArchitectureOrPreset() throws Exception {
    try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
      Path mfcc = pretrained(tmp.resolve("mfcc"), Architecture.MFCC, SMALL, m);
      EmoAudioNetBlock target = EmoAudioNetFactory.buildInitialized(
          Architecture.EMOAUDIONET, SMALL.model(), 3, 177, m);
      IOException e = assertThrows(IOException.class, () -> Transfer.initialise(target, mfcc, SMALL.model(), 177));
      assertTrue(e.getMessage().contains("is a mfcc network"), e.getMessage());
      PipelineConfig narrow = new PipelineConfig("small", SMALL.audio(), SMALL.augment(),
          new PipelineConfig.ModelConfig(64, 8, 0.1), SMALL.train(), SMALL.split());
      Path eight = pretrained(tmp.resolve("eight"), Architecture.EMOAUDIONET, narrow, m);
      e = assertThrows(IOException.class, () -> Transfer.initialise(target, eight, SMALL.model(), 177));
      assertTrue(e.getMessage().contains("8 channels"), e.getMessage());
    }
  }

  @Test
  void trainerFineTunesFromAPretrainedRun() throws Exception {
    Path pre;
    try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
      pre = pretrained(tmp.resolve("pre2"), Architecture.SPECTROGRAM, SMALL, m);
    }
    var data = SyntheticData.make(3, 8, 4, 64, 3);
    TrainResult r = Trainer.train(data, SMALL, Architecture.SPECTROGRAM, tmp.resolve("run"), pre, null);
    assertEquals(1, r.history().size());
    try (TrainedModel t = TrainedModel.load(r.modelDir())) {
      assertEquals(3, t.task().numClasses());
      assertEquals(3, t.predict(data.segments().subList(0, 2))[0].length);
    }
    IOException e = assertThrows(IOException.class, () -> Trainer.train(data, SMALL, Architecture.EMOAUDIONET,
        tmp.resolve("run2"), pre, null));
    assertFalse(e.getMessage().isEmpty());
  }
}
