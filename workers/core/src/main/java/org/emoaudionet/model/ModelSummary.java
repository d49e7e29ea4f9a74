package org.emoaudionet.model;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.util.Locale;
import org.emoaudionet.config.PipelineConfig;
import org.emoaudionet.spec.Architecture;

/** A printable layer table of a network (for {@code ./emo model}). */
public final class ModelSummary {
  private ModelSummary() {}

  public static String describe(Architecture arch, PipelineConfig.ModelConfig cfg, int classes) {
    return describe(arch, cfg, classes, EmoAudioNetFactory.MFCC_LENGTH);
  }

  public static String describe(
      Architecture arch, PipelineConfig.ModelConfig cfg, int classes, int mfccLength) {
    try (NDManager manager = NDManager.newBaseManager(ai.djl.Device.cpu())) {
      EmoAudioNetBlock block =
          EmoAudioNetFactory.buildInitialized(arch, cfg, classes, mfccLength, manager);
      Shape[] in = EmoAudioNetFactory.inputShapes(cfg, mfccLength, 1);
      StringBuilder sb = new StringBuilder();
      sb.append(String.format(Locale.ROOT,
          "%s: image %dx%d, %d channels, dropout %s, MFCC length %d, %d classes%n",
          arch.wireName(), cfg.imageSize(), cfg.imageSize(), cfg.channels(), cfg.dropout(),
          mfccLength, classes));
      sb.append(String.format(Locale.ROOT, "%-34s %-22s %12s%n", "layer", "output shape", "params"));
      if (block.spectrogramBranch() != null) {
        rows(sb, "spectrogram", block.spectrogramBranch(), in[1]);
      }
      if (block.mfccBranch() != null) rows(sb, "mfcc", block.mfccBranch(), in[0]);
      Shape features = new Shape(1, block.featureSize(in));
      if (arch == Architecture.EMOAUDIONET) row(sb, "concat", features, 0);
      Block cls = block.classifierBlock();
      row(sb, EmoAudioNetBlock.CLASSIFIER + " (Linear)",
          cls.getOutputShapes(new Shape[] {features})[0], parameterCount(cls));
      row(sb, "softmax", new Shape(1, classes), 0);
      sb.append(String.format(Locale.ROOT, "total parameters: %,d%n", parameterCount(block)));
      return sb.toString();
    }
  }

  private static void rows(StringBuilder sb, String prefix, Block branch, Shape shape) {
    for (Pair<String, Block> child : branch.getChildren()) {
      shape = child.getValue().getOutputShapes(new Shape[] {shape})[0];
      String name = child.getKey();
      // DJL names every activation, pooling and flatten child "LambdaBlock"; show its own name.
      if (child.getValue() instanceof ai.djl.nn.LambdaBlock lb
          && !ai.djl.nn.LambdaBlock.DEFAULT_NAME.equals(lb.getName())) {
        name = name.substring(0, 2) + lb.getName();
      }
      row(sb, prefix + "/" + name, shape, parameterCount(child.getValue()));
    }
  }

  private static void row(StringBuilder sb, String name, Shape shape, long params) {
    StringBuilder s = new StringBuilder("(B");
    for (int i = 1; i < shape.dimension(); i++) s.append(", ").append(shape.get(i));
    s.append(')');
    sb.append(String.format(Locale.ROOT, "%-34s %-22s %,12d%n", name, s, params));
  }

  /** Number of scalar parameters of an initialised block. */
  public static long parameterCount(Block block) {
    long n = 0;
    for (Pair<String, Parameter> p : block.getParameters()) n += p.getValue().getShape().size();
    return n;
  }

  /**
   * Multiply-adds x 2 of one sample's forward pass through the convolutions and the Linear
   * (pooling, ReLU and dropout are negligible), for throughput reports.
   */
  public static double forwardFlops(Architecture arch, PipelineConfig.ModelConfig cfg, int classes,
      int mfccLength) {
    double c = cfg.channels();
    double flops = 0;
    long features = 0;
    if (arch != Architecture.MFCC) {
      double s0 = (double) cfg.imageSize() * cfg.imageSize();
      double s1 = Math.pow(cfg.imageSize() / SpectrogramBranch.POOL, 2);
      flops += 2 * 9 * (3 * c + c * c) * s0 + 4 * 2 * 9 * c * c * s1;
      features += SpectrogramBranch.flattenedSize(cfg.imageSize(), cfg.channels());
    }
    if (arch != Architecture.SPECTROGRAM) {
      flops += 2 * MfccBranch.KERNEL * (cfg.mfccChannels() * c + c * c) * mfccLength;
      features += MfccBranch.flattenedSize(mfccLength, cfg.channels());
    }
    return flops + 2.0 * features * classes;
  }
}
