package org.emoaudionet.train;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.emoaudionet.config.PipelineConfig;
import org.emoaudionet.model.EmoAudioNetBlock;
import org.emoaudionet.model.ModelManifest;
import org.emoaudionet.model.ParameterFile;
import org.emoaudionet.spec.Architecture;

/**
 * Transfer learning (SPEC.md "Training", paper Sec. IV: LibriSpeech gender -> RECOLA /
 * DAIC-WOZ): every layer but the final Linear is copied from a pretrained model directory; the
 * final Linear keeps its fresh initialisation and the new class count.
 */
public final class Transfer {
  private Transfer() {}

  /** True for the parameters that transfer leaves alone (the final Linear's weight and bias). */
  public static boolean isClassifier(String parameterName) {
    return parameterName.matches("\\d+" + EmoAudioNetBlock.CLASSIFIER + "_.*");
  }

  /**
   * Copies the pretrained parameters into {@code block}.
   *
   * @return the pretrained model's manifest
   * @throws IOException if the pretrained model is unreadable, or was built with another
   *     architecture, image size, channel count or MFCC length
   */
  public static ModelManifest initialise(EmoAudioNetBlock block, Path pretrainedModelDir,
      PipelineConfig.ModelConfig cfg, int mfccLength) throws IOException {
    ModelManifest m = ModelManifest.read(pretrainedModelDir);
    Architecture arch = block.architecture();
    PipelineConfig.ModelConfig p = m.config().model();
    String where = "pretrained model " + pretrainedModelDir;
    if (m.architecture() != arch) {
      throw new IOException(where + " is a " + m.architecture().wireName()
          + " network; cannot initialise a " + arch.wireName() + " network from it");
    }
    if (p.channels() != cfg.channels() || p.imageSize() != cfg.imageSize()) {
      throw new IOException(where + " has " + p.channels() + " channels and " + p.imageSize() + "x"
          + p.imageSize() + " images (preset '" + m.config().preset() + "'); this run needs "
          + cfg.channels() + " channels and " + cfg.imageSize() + "x" + cfg.imageSize()
          + ": train both with the same preset");
    }
    if (p.mfccChannels() != cfg.mfccChannels()) {
      throw new IOException(where + " takes " + p.mfccChannels() + " MFCC channel(s) (preset '"
          + m.config().preset() + "'); this run has " + cfg.mfccChannels() + ": train both with the same preset");
    }
    if (m.mfccLength() != mfccLength) {
      throw new IOException(where + " takes MFCC vectors of " + m.mfccLength()
          + " values; this data set has " + mfccLength);
    }
    Path params = pretrainedModelDir.resolve(ModelManifest.PARAMS_FILE);
    try (NDManager tmp = NDManager.newBaseManager(Device.cpu())) {
      Map<String, NDArray> arrays = ParameterFile.read(params, tmp);
      ParameterFile.copyInto(block, arrays, Transfer::isClassifier, params.toString());
    }
    return m;
  }
}
