package org.emoaudionet.workflows.activity;

import java.util.List;

/**
 * @param modelKey {@code runs/<dag>/<run>/model.tar.gz}
 * @param resumedFromEpoch the epoch a checkpoint restored, 0 when training started fresh
 */
public record TrainOutput(String modelKey, String modelUri, List<EpochSummary> history,
    int bestEpoch, double bestValAccuracy, int resumedFromEpoch, String log, int attempt) implements TaskOutput {
  public TrainOutput {
    history = List.copyOf(history);
  }
}
