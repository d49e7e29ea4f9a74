package org.emoaudionet.pipeline;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.emoaudionet.audio.AudioFormatException;
import org.emoaudionet.audio.AudioLimits;
import org.emoaudionet.config.PipelineConfig;
import org.emoaudionet.data.TaskSpec;
import org.emoaudionet.features.FeatureExtractor;
import org.emoaudionet.features.SegmentFeatures;
import org.emoaudionet.model.ScoringModel;

/**
 * Scores whole recordings: every 2.5 s segment of the speech is scored and the file's
 * probabilities are the mean over its segments (as DAIC-WOZ participants are scored).
 */
public final class Predictor {
  private final ScoringModel model;
  private final PipelineConfig config;
  private final FeatureExtractor extractor;
  private final AudioLimits limits;

  /** Scores within the {@link AudioLimits#training() training limits} (the CLI's). */
  public Predictor(ScoringModel model) {
    this(model, AudioLimits.training());
  }

  /**
   * @param limits the longest recording scored (serving's is shorter than training's); the
   *     shortest is always one whole segment of the model's preset: a shorter file would be
   *     zero-padded to one segment and scored as confidently as speech
   */
  public Predictor(ScoringModel model, AudioLimits limits) {
    this.model = model;
    this.config = model.config();
    this.extractor = new FeatureExtractor(config);
    this.limits = limits.withMinSeconds(config.audio().segmentSeconds());
  }

  /**
   * @param value for ordinal tasks the expected value over bin centres, else NaN
   */
  public record Prediction(String file, String label, Map<String, Double> probabilities,
      double value, int segments) {}

  public Prediction predict(Path audio) throws IOException {
    List<SegmentAudio.Cut> cuts = SegmentAudio.cut(audio, List.of(), config.audio(), limits);
    if (cuts.isEmpty()) {
      // Without one segment there is nothing to average: a mean over none would be NaN.
      throw new AudioFormatException(audio.toString(), "no speech left after pause removal "
          + "(need at least one " + config.audio().segmentSeconds() + " s segment)");
    }
    List<SegmentFeatures> feats = new ArrayList<>(cuts.size());
    for (SegmentAudio.Cut c : cuts) {
      feats.add(new SegmentFeatures(audio.toString(), null, c.startSeconds(), null, -1, Double.NaN,
          extractor.mfcc(c.samples()), extractor.image(c.samples()), "original"));
    }
    float[][] probs = model.predict(feats);
    return summarise(audio.toString(), probs, model.task());
  }

  static Prediction summarise(String file, float[][] probs, TaskSpec task) {
    int k = task.numClasses();
    double[] mean = new double[k];
    for (float[] row : probs) for (int i = 0; i < k; i++) mean[i] += row[i] / probs.length;
    int best = 0;
    for (int i = 1; i < k; i++) if (mean[i] > mean[best]) best = i;
    Map<String, Double> named = new LinkedHashMap<>();
    for (int i = 0; i < k; i++) named.put(task.classes().get(i), mean[i]);
    double value = Double.NaN;
    if (task.ordinal()) {
      value = 0;
      for (int i = 0; i < k; i++) value += mean[i] * task.binCenters()[i];
    }
    return new Prediction(file, task.classes().get(best), named, value, probs.length);
  }
}
