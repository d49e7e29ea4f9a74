package org.emoaudionet.train;

import java.nio.file.Path;
import java.util.List;

/**
 * @param modelDir the best model (by validation accuracy), loadable by {@code TrainedModel.load}
 * @param history every epoch, the resumed ones included
 * @param resumedFromEpoch the epoch a checkpoint restored, 0 when training started fresh
 */
public record TrainResult(
    Path modelDir, List<EpochMetrics> history, int bestEpoch, double bestValAccuracy,
    int resumedFromEpoch, double parameterCount) {}
