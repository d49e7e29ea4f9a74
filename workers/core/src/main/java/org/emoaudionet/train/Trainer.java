package org.emoaudionet.train;

import java.io.IOException;
import java.nio.file.Path;
import org.emoaudionet.config.PipelineConfig;
import org.emoaudionet.features.FeatureSet;
import org.emoaudionet.model.Architecture;

/** Trains an EmoAudioNet network on the TRAIN split, selecting on VAL. */
public final class Trainer {
  private Trainer() {}

  /**
   * Trains into {@code outDir}: {@code outDir/checkpoints/} (state after each epoch, resumed from
   * when present) and {@code outDir/model/} (the best model, see {@code TrainedModel.load}).
   *
   * @param pretrainedModelDir a model directory whose layers, all but the final Linear, initialise
   *     this one (transfer); null trains from scratch
   */
  public static TrainResult train(FeatureSet data, PipelineConfig config, Architecture arch,
      Path outDir, Path pretrainedModelDir, TrainingListener listener) throws IOException {
    throw new UnsupportedOperationException("TODO: implemented by the model/training work");
  }
}
