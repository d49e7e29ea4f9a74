package org.emoaudionet.train;

import java.nio.file.Path;

/** Callbacks of a training run; every method has a no-op default. */
public interface TrainingListener {
  default void onStep(int epoch, int step, int stepsPerEpoch, double loss) {}

  default void onEpoch(EpochMetrics metrics) {}

  /** A checkpoint of the state after {@code epoch} was written (and fsynced) to {@code dir}. */
  default void onCheckpoint(int epoch, Path dir) {}

  TrainingListener NONE = new TrainingListener() {};
}
