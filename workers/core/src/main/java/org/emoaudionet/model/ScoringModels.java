package org.emoaudionet.model;

import java.io.IOException;
import java.nio.file.Path;

/** Opens a model directory as whichever kind of {@link ScoringModel} it holds. */
public final class ScoringModels {
  private ScoringModels() {}

  public static ScoringModel load(Path modelDir) throws IOException {
    return TrainedModel.load(modelDir);
  }
}
