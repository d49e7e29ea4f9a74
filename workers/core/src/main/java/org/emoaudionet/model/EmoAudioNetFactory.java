package org.emoaudionet.model;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.emoaudionet.config.PipelineConfig;
import org.emoaudionet.spec.Architecture;

/** Builds the paper's networks (SPEC.md "Model") for a preset's topology. */
public final class EmoAudioNetFactory {
  /** The MFCC branch input length used by the authors' code (the first 177 frames). */
  public static final int MFCC_LENGTH = 177;

  private EmoAudioNetFactory() {}

  /**
   * An uninitialised block taking NDList(mfcc [B,1,177], image [B,3,S,S]) and returning logits
   * [B, classes].
   */
  public static EmoAudioNetBlock build(
      Architecture arch, PipelineConfig.ModelConfig cfg, int classes) {
    if (classes < 2) throw new IllegalArgumentException("a classifier needs >= 2 classes, got " + classes);
    if (cfg.channels() < 1) throw new IllegalArgumentException("model.channels must be >= 1, got " + cfg.channels());
    if (SpectrogramBranch.pooledSide(cfg.imageSize()) < 1) {
      throw new IllegalArgumentException("model.imageSize " + cfg.imageSize()
          + " is too small: two 8x8 poolings need at least 64");
    }
    if (!(cfg.dropout() >= 0 && cfg.dropout() < 1)) {
      throw new IllegalArgumentException("model.dropout must be in [0, 1), got " + cfg.dropout());
    }
    return new EmoAudioNetBlock(arch, cfg.channels(), cfg.dropout(), classes);
  }

  /** Input shapes [mfcc, image] for a batch. */
  public static Shape[] inputShapes(PipelineConfig.ModelConfig cfg, int mfccLength, long batch) {
    int s = cfg.imageSize();
    return new Shape[] {new Shape(batch, cfg.mfccChannels(), mfccLength), new Shape(batch, 3, s, s)};
  }

  /** Builds and initialises the parameters (from the engine's current random seed). */
  public static EmoAudioNetBlock buildInitialized(Architecture arch, PipelineConfig.ModelConfig cfg,
      int classes, int mfccLength, NDManager manager) {
    EmoAudioNetBlock block = build(arch, cfg, classes);
    block.initialize(manager, DataType.FLOAT32, inputShapes(cfg, mfccLength, 1));
    return block;
  }
}
