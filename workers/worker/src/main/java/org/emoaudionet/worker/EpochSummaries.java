package org.emoaudionet.worker;

import org.emoaudionet.train.EpochMetrics;
import org.emoaudionet.workflows.activity.EpochSummary;

/**
 * An epoch's figures between the core's {@link EpochMetrics} and the workflow's
 * {@link EpochSummary}: train hands its history to the workflow as summaries (the workflows
 * module does not depend on the core), evaluate turns them back for the learning curves.
 */
final class EpochSummaries {
  private EpochSummaries() {}

  static EpochSummary of(EpochMetrics m) {
    return new EpochSummary(m.epoch(), m.trainLoss(), m.trainAccuracy(), m.valLoss(),
        m.valAccuracy(), m.learningRate(), m.improved());
  }

  static EpochMetrics metrics(EpochSummary s) {
    return new EpochMetrics(s.epoch(), s.trainLoss(), s.trainAccuracy(), s.valLoss(),
        s.valAccuracy(), s.learningRate(), s.improved());
  }
}
