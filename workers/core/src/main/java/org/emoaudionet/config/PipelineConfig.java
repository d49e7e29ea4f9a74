package org.emoaudionet.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every hyperparameter of one EmoAudioNet pipeline run, as one immutable value. Presets {@link
 * #paper()} and {@link #small()}; {@link #flatten()} gives the dotted key/value view logged to
 * MLflow as params.
 */
public record PipelineConfig(
    String preset,
    AudioConfig audio,
    AugmentConfig augment,
    ModelConfig model,
    TrainConfig train,
    SplitConfig split) {

  /** Decoding, pause removal and segmentation. */
  public record AudioConfig(
      int sampleRate,
      double segmentSeconds,
      double hopSeconds,
      boolean removeSilence,
      double silenceThresholdDb,
      double minSilenceSeconds,
      double silenceFrameSeconds,
      int mfccFrames) {}

  /** Training-split augmentation. Pitch shifts are in semitones; the sign is applied by direction. */
  public record AugmentConfig(
      boolean enabled, double[] noiseAlphas, double[] pitchSemitones, boolean pitchShiftDown) {}

  /** Topology. {@code imageSize} is the spectrogram image side; {@code channels} every conv's width. */
  public record ModelConfig(int imageSize, int channels, double dropout) {}

  /** Optimiser and schedule. {@code loss} is {@code cross_entropy} (paper) or {@code rmse} (code). */
  public record TrainConfig(
      double learningRate,
      double rho,
      double epsilon,
      int batchSize,
      int maxEpochs,
      int earlyStopPatience,
      double plateauFactor,
      int plateauPatience,
      double minLearningRate,
      String loss,
      long seed) {}

  /** Split protocol ({@code speaker} or {@code paper}) and fractions. */
  public record SplitConfig(String protocol, double testFraction, double valFraction) {}

  /** The paper's setting (SPEC.md): 224x224 images, 128 channels, batch 100, up to 500 epochs. */
  public static PipelineConfig paper() {
    return new PipelineConfig(
        "paper",
        new AudioConfig(44_100, 2.5, 0.5, true, -40.0, 0.5, 0.025, 177),
        new AugmentConfig(true, new double[] {0.01, 0.02, 0.03}, new double[] {0.5, 2, 5}, true),
        new ModelConfig(224, 128, 0.1),
        new TrainConfig(1e-5, 0.9, 1e-7, 100, 500, 10, 0.1, 5, 1e-8, "cross_entropy", 42),
        new SplitConfig("speaker", 0.2, 0.1));
  }

  /**
   * Same topology at CPU scale: 64x64 images, 16 channels, a larger learning rate (so that few
   * epochs suffice), for tests and the demo.
   */
  public static PipelineConfig small() {
    return new PipelineConfig(
        "small",
        new AudioConfig(44_100, 2.5, 0.5, true, -40.0, 0.5, 0.025, 177),
        new AugmentConfig(true, new double[] {0.01}, new double[] {2}, true),
        new ModelConfig(64, 16, 0.1),
        new TrainConfig(1e-3, 0.9, 1e-7, 32, 30, 6, 0.5, 3, 1e-6, "cross_entropy", 42),
        new SplitConfig("speaker", 0.2, 0.1));
  }

  public static PipelineConfig preset(String name) {
    return switch (name) {
      case "paper" -> paper();
      case "small" -> small();
      default -> throw new IllegalArgumentException(
          "unknown preset '" + name + "' (expected 'paper' or 'small')");
    };
  }

  public PipelineConfig withTrain(TrainConfig t) {
    return new PipelineConfig(preset, audio, augment, model, t, split);
  }

  public PipelineConfig withSplit(SplitConfig s) {
    return new PipelineConfig(preset, audio, augment, model, train, s);
  }

  public PipelineConfig withAugment(AugmentConfig a) {
    return new PipelineConfig(preset, audio, a, model, train, split);
  }

  public PipelineConfig withEpochs(int epochs) {
    TrainConfig t = train;
    return withTrain(new TrainConfig(t.learningRate(), t.rho(), t.epsilon(), t.batchSize(), epochs,
        t.earlyStopPatience(), t.plateauFactor(), t.plateauPatience(), t.minLearningRate(), t.loss(),
        t.seed()));
  }

  public PipelineConfig withSeed(long seed) {
    TrainConfig t = train;
    return withTrain(new TrainConfig(t.learningRate(), t.rho(), t.epsilon(), t.batchSize(),
        t.maxEpochs(), t.earlyStopPatience(), t.plateauFactor(), t.plateauPatience(),
        t.minLearningRate(), t.loss(), seed));
  }

  public PipelineConfig withProtocol(String protocol) {
    if (!protocol.equals("speaker") && !protocol.equals("paper")) {
      throw new IllegalArgumentException(
          "unknown split protocol '" + protocol + "' (expected 'speaker' or 'paper')");
    }
    return withSplit(new SplitConfig(protocol, split.testFraction(), split.valFraction()));
  }

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  public String toJson() {
    try {
      return JSON.writeValueAsString(this);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  public static PipelineConfig fromJson(String json) {
    try {
      return JSON.readValue(json, PipelineConfig.class);
    } catch (Exception e) {
      throw new IllegalArgumentException("malformed pipeline config JSON: " + e.getMessage(), e);
    }
  }

  /** Dotted keys ({@code train.learningRate}) to string values, for MLflow params. */
  public Map<String, String> flatten() {
    Map<String, String> out = new LinkedHashMap<>();
    flattenInto("", JSON.valueToTree(this), out);
    return out;
  }

  private static void flattenInto(
      String prefix, com.fasterxml.jackson.databind.JsonNode node, Map<String, String> out) {
    if (node.isObject()) {
      node.fields().forEachRemaining(
          e -> flattenInto(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out));
    } else if (node.isArray()) {
      out.put(prefix, node.toString());
    } else {
      out.put(prefix, node.asText());
    }
  }
}
