package org.emoaudionet.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.LinkedHashMap;
import java.util.Map;
import org.emoaudionet.spec.PresetNames;
import org.emoaudionet.spec.SplitProtocol;

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
      int mfccFrames,
      String padding,
      String mfccMeanRemoval) {
    public static final java.util.List<String> MEAN_REMOVALS = java.util.List.of("none", "c0", "all");

    /** A missing key of an older config (model.json before it) gets the paper's value. */
    public AudioConfig {
      if (mfccMeanRemoval == null) mfccMeanRemoval = "none";
      if (!MEAN_REMOVALS.contains(mfccMeanRemoval)) {
        throw new IllegalArgumentException("audio.mfccMeanRemoval must be one of " + MEAN_REMOVALS
            + ", got '" + mfccMeanRemoval + "'");
      }
      if (padding == null) padding = "zero";
      if (!padding.equals("zero") && !padding.equals("repeat")) {
        throw new IllegalArgumentException(
            "audio.padding must be 'zero' or 'repeat', got '" + padding + "'");
      }
    }

    public AudioConfig(int sampleRate, double segmentSeconds, double hopSeconds, boolean removeSilence,
        double silenceThresholdDb, double minSilenceSeconds, double silenceFrameSeconds, int mfccFrames) {
      this(sampleRate, segmentSeconds, hopSeconds, removeSilence, silenceThresholdDb, minSilenceSeconds,
          silenceFrameSeconds, mfccFrames, "zero", "none");
    }
  }

  /** Training-split augmentation. Pitch shifts are in semitones; the sign is applied by direction. */
  public record AugmentConfig(
      boolean enabled, double[] noiseAlphas, double[] pitchSemitones, boolean pitchShiftDown) {}

  /**
   * Topology. {@code imageSize} is the spectrogram image side; {@code channels} every conv's width;
   * {@code mfccChannels} the MFCC branch's input channels: 1 is the authors' code (per frame the
   * mean of the 13 MFCCs), 13 feeds each coefficient as its own channel to the same Conv1d.
   */
  public record ModelConfig(int imageSize, int channels, double dropout, int mfccChannels) {
    public ModelConfig {
      if (mfccChannels == 0) mfccChannels = 1; // model.json written before the key
      if (mfccChannels != 1 && mfccChannels != org.emoaudionet.features.MfccFeature.N_MFCC) {
        throw new IllegalArgumentException("model.mfccChannels must be 1 (the mean of the 13 MFCCs, "
            + "the paper's code) or 13 (one channel per coefficient), got " + mfccChannels);
      }
    }

    public ModelConfig(int imageSize, int channels, double dropout) {
      this(imageSize, channels, dropout, 1);
    }
  }

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
      long seed,
      String selectOn,
      String classWeights,
      boolean randomShift,
      double mixup,
      double logitAdjustment,
      SpecAugmentConfig specAugment) {
    public static final java.util.List<String> SELECTIONS = java.util.List.of("val_accuracy", "val_loss", "val_macro_f1");

    public TrainConfig {
      if (selectOn == null) selectOn = "val_accuracy";
      if (!SELECTIONS.contains(selectOn)) {
        throw new IllegalArgumentException("train.selectOn must be one of " + SELECTIONS + ", got '" + selectOn + "'");
      }
      if (!(mixup >= 0)) throw new IllegalArgumentException("train.mixup must be >= 0 (0: off), got " + mixup);
      if (classWeights == null) classWeights = "none";
      if (mixup > 0 && "balanced".equals(classWeights)) {
        // A mixed sample's loss would carry its partner's class weight (cross terms), which
        // undoes the balancing: refuse the pair rather than train something else than asked.
        throw new IllegalArgumentException("train.mixup and train.classWeights: balanced cannot be combined");
      }
      if (!classWeights.equals("none") && !classWeights.equals("balanced")) {
        throw new IllegalArgumentException(
            "train.classWeights must be 'none' or 'balanced', got '" + classWeights + "'");
      }
      if (!(logitAdjustment >= 0)) {
        throw new IllegalArgumentException("train.logitAdjustment must be >= 0 (0: off), got " + logitAdjustment);
      }
      if (logitAdjustment > 0 && "balanced".equals(classWeights)) {
        // Both correct for the class prior: together they would correct it twice.
        throw new IllegalArgumentException("train.logitAdjustment and train.classWeights: balanced cannot be combined");
      }
      if (specAugment == null) specAugment = SpecAugmentConfig.OFF; // model.json written before the key
    }

    /** The same recipe without logit adjustment and SpecAugment (their keys came later). */
    public TrainConfig(double learningRate, double rho, double epsilon, int batchSize, int maxEpochs,
        int earlyStopPatience, double plateauFactor, int plateauPatience, double minLearningRate,
        String loss, long seed, String selectOn, String classWeights, boolean randomShift, double mixup) {
      this(learningRate, rho, epsilon, batchSize, maxEpochs, earlyStopPatience, plateauFactor,
          plateauPatience, minLearningRate, loss, seed, selectOn, classWeights, randomShift, mixup, 0,
          SpecAugmentConfig.OFF);
    }

    public TrainConfig(double learningRate, double rho, double epsilon, int batchSize, int maxEpochs,
        int earlyStopPatience, double plateauFactor, int plateauPatience, double minLearningRate,
        String loss, long seed) {
      this(learningRate, rho, epsilon, batchSize, maxEpochs, earlyStopPatience, plateauFactor,
          plateauPatience, minLearningRate, loss, seed, "val_accuracy", "none", false, 0);
    }

    TrainConfig with(int maxEpochs, long seed) {
      return new TrainConfig(learningRate, rho, epsilon, batchSize, maxEpochs, earlyStopPatience,
          plateauFactor, plateauPatience, minLearningRate, loss, seed, selectOn, classWeights, randomShift, mixup,
          logitAdjustment, specAugment);
    }

    public TrainConfig withLogitAdjustment(double tau) {
      return new TrainConfig(learningRate, rho, epsilon, batchSize, maxEpochs, earlyStopPatience,
          plateauFactor, plateauPatience, minLearningRate, loss, seed, selectOn, classWeights, randomShift, mixup,
          tau, specAugment);
    }

    public TrainConfig withSpecAugment(SpecAugmentConfig a) {
      return new TrainConfig(learningRate, rho, epsilon, batchSize, maxEpochs, earlyStopPatience,
          plateauFactor, plateauPatience, minLearningRate, loss, seed, selectOn, classWeights, randomShift, mixup,
          logitAdjustment, a);
    }
  }

  /**
   * SpecAugment's masking (Park et al., 2019) on the training inputs: {@code timeMasks} spans of
   * up to {@code timeWidth} of the window, and {@code frequencyMasks} bands of up to {@code
   * frequencyWidth} of the image's rows and of the MFCC coefficients (13-channel input only), drawn
   * per segment and per branch. Zero masks are off.
   */
  public record SpecAugmentConfig(int timeMasks, double timeWidth, int frequencyMasks, double frequencyWidth) {
    public static final SpecAugmentConfig OFF = new SpecAugmentConfig(0, 0, 0, 0);

    public SpecAugmentConfig {
      if (timeMasks < 0 || frequencyMasks < 0) {
        throw new IllegalArgumentException("train.specAugment: timeMasks and frequencyMasks must be >= 0, got "
            + timeMasks + " and " + frequencyMasks);
      }
      if (!(timeWidth >= 0 && timeWidth <= 1) || !(frequencyWidth >= 0 && frequencyWidth <= 1)) {
        throw new IllegalArgumentException("train.specAugment: timeWidth and frequencyWidth are shares of the "
            + "input in [0, 1], got " + timeWidth + " and " + frequencyWidth);
      }
    }

    public boolean enabled() {
      return (timeMasks > 0 && timeWidth > 0) || (frequencyMasks > 0 && frequencyWidth > 0);
    }
  }

  /** Split protocol ({@code speaker} or {@code paper}) and fractions. */
  public record SplitConfig(String protocol, double testFraction, double valFraction, int folds, int fold) {
    public SplitConfig {
      if (folds == 1 || folds < 0) {
        throw new IllegalArgumentException("split.folds must be 0 (no cross-validation) or >= 2, got " + folds);
      }
      if (folds > 0 && (fold < 0 || fold >= folds)) {
        throw new IllegalArgumentException("split.fold must be in 0.." + (folds - 1) + ", got " + fold);
      }
    }

    public SplitConfig(String protocol, double testFraction, double valFraction) {
      this(protocol, testFraction, valFraction, 0, 0);
    }

    /** Fold {@code fold} of {@code folds}: its speakers are TEST, VAL is carved from the others. */
    public SplitConfig withFold(int folds, int fold) {
      return new SplitConfig(protocol, testFraction, valFraction, folds, fold);
    }
  }

  /** The bundled presets: the YAML files of the run vocabulary ({@link PresetNames}). */
  public static final java.util.List<String> PRESETS = PresetNames.ALL;

  /**
   * The paper's setting (SPEC.md "Model", "Training"): 224x224 images, 128 channels, batch 100,
   * up to 500 epochs.
   */
  public static PipelineConfig paper() {
    return preset("paper");
  }

  /** Same topology at toy scale: 64x64 images, 16 channels, for tests and the demo. */
  public static PipelineConfig small() {
    return preset("small");
  }

  /** Same topology sized for real speech on a CPU (see {@code presets/cpu.yaml} for each number's reason). */
  public static PipelineConfig cpu() {
    return preset("cpu");
  }

  /**
   * A bundled preset by name ({@link #PRESETS}), or a YAML file of the same keys by path (a name
   * ending in {@code .yaml} or {@code .yml}).
   */
  public static PipelineConfig preset(String name) {
    return Presets.load(name);
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

  /** The preset's augmentation switched on or off, its settings kept. */
  public PipelineConfig withAugmentation(boolean enabled) {
    return withAugment(new AugmentConfig(enabled, augment.noiseAlphas(), augment.pitchSemitones(),
        augment.pitchShiftDown()));
  }

  public PipelineConfig withEpochs(int epochs) {
    return withTrain(train.with(epochs, train.seed()));
  }

  public PipelineConfig withSeed(long seed) {
    return withTrain(train.with(train.maxEpochs(), seed));
  }

  /** Cross-validation fold {@code fold} of {@code folds} (speaker-grouped, stratified). */
  public PipelineConfig withFold(int folds, int fold) {
    return withSplit(split.withFold(folds, fold));
  }

  public PipelineConfig withProtocol(String protocol) {
    SplitProtocol.parse(protocol);
    return withSplit(new SplitConfig(protocol, split.testFraction(), split.valFraction(), split.folds(),
        split.fold()));
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
