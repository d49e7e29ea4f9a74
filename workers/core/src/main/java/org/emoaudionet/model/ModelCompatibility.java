package org.emoaudionet.model;

import org.emoaudionet.config.PipelineConfig;
import org.emoaudionet.features.FeatureSource;

/**
 * Whether a model can score a test set it was not trained with (the champion on a later run's
 * test split): the same task and class list, since figures compare labels by class index, and
 * inputs made with the same feature settings. The settings are compared, not only the shapes: a
 * network takes same-shaped inputs of another sample rate and gives meaningless figures.
 */
public final class ModelCompatibility {
  private ModelCompatibility() {}

  /**
   * Why {@code model} cannot score {@code data}, or null when it can: another task or class
   * list, other input shapes, or audio settings other than {@code ours} (the run's, which made
   * {@code data}).
   */
  public static String mismatch(ScoringModel model, FeatureSource<?> data, PipelineConfig ours) {
    if (!model.task().name().equals(data.task().name())) {
      return "it predicts task " + model.task().name() + ", this test set is " + data.task().name();
    }
    if (!model.task().classes().equals(data.task().classes())) {
      return "its classes " + model.task().classes() + " differ from this test set's "
          + data.task().classes();
    }
    if (model.config().model().imageSize() != data.imageSize()) {
      return "it takes " + model.config().model().imageSize() + "px spectrogram images, this test"
          + " set has " + data.imageSize() + "px";
    }
    if (model.config().model().mfccChannels() != data.mfccChannels()) {
      return "it takes " + model.config().model().mfccChannels() + " MFCC channel(s), this run's data has "
          + data.mfccChannels();
    }
    if (model.config().audio().mfccFrames() != data.mfccLength()) {
      return "it takes " + model.config().audio().mfccFrames() + " MFCC frames, this test set has "
          + data.mfccLength();
    }
    if (!model.config().audio().equals(ours.audio())) {
      return "its audio settings " + model.config().audio() + " differ from this run's "
          + ours.audio();
    }
    return null;
  }
}
