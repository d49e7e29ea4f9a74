package org.emoaudionet.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Opens a model directory as whichever kind of {@link ScoringModel} it holds, judged by its
 * files: {@code model.json} is a network trained here ({@link TrainedModel}, PyTorch engine);
 * {@code saved_model.pb} with {@code keras.json} is an imported Keras SavedModel ({@link
 * KerasSavedModel}, TensorFlow engine).
 */
public final class ScoringModels {
  private ScoringModels() {}

  public static ScoringModel load(Path modelDir) throws IOException {
    // A crash mid-publish leaves the model in a sibling; put it back before judging the files.
    AtomicDirectory.recover(modelDir);
    if (!Files.isDirectory(modelDir)) {
      throw new IOException(modelDir + ": no such model directory");
    }
    if (Files.isRegularFile(modelDir.resolve(ModelManifest.FILE))) {
      return TrainedModel.load(modelDir);
    }
    if (Files.isRegularFile(modelDir.resolve(KerasManifest.SAVED_MODEL))) {
      return KerasSavedModel.load(modelDir);
    }
    throw new IOException(modelDir + ": not a model directory: neither " + ModelManifest.FILE
        + " (a model trained here) nor " + KerasManifest.SAVED_MODEL + " with " + KerasManifest.FILE
        + " (an imported Keras SavedModel)");
  }
}
