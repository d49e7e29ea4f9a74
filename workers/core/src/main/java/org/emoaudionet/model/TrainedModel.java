package org.emoaudionet.model;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.emoaudionet.config.PipelineConfig;
import org.emoaudionet.data.TaskSpec;
import org.emoaudionet.features.SegmentFeatures;

/** A trained network read back from its directory, for evaluation and prediction. */
public final class TrainedModel implements AutoCloseable {
  private TrainedModel() {}

  public static TrainedModel load(Path modelDir) throws IOException {
    throw new UnsupportedOperationException("TODO: implemented by the model/training work");
  }

  public TaskSpec task() {
    throw new UnsupportedOperationException();
  }

  public PipelineConfig config() {
    throw new UnsupportedOperationException();
  }

  public Architecture architecture() {
    throw new UnsupportedOperationException();
  }

  /** Softmax probabilities, one row per segment, in the task's class order. */
  public float[][] predict(List<SegmentFeatures> segments) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void close() {}
}
