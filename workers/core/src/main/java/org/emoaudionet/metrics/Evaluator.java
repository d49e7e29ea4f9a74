package org.emoaudionet.metrics;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.emoaudionet.features.FeatureSet;
import org.emoaudionet.model.TrainedModel;
import org.emoaudionet.train.EpochMetrics;

/** Scores a model on the TEST split and writes the report and its pictures. */
public final class Evaluator {
  private Evaluator() {}

  /**
   * Writes {@code metrics.json}, {@code confusion_matrix.png} and, when {@code history} is not
   * empty, {@code learning_curves.png} into {@code outDir}.
   *
   * @param participantLevel also aggregate per recording (mean of segment probabilities), as
   *     DAIC-WOZ is reported
   */
  public static EvaluationReport evaluate(TrainedModel model, FeatureSet data, String protocol,
      List<EpochMetrics> history, boolean participantLevel, Path outDir) throws IOException {
    throw new UnsupportedOperationException("TODO: implemented by the metrics work");
  }
}
