package org.emoaudionet.api.serving;

import java.util.List;
import org.emoaudionet.config.PipelineConfig;
import org.emoaudionet.data.TaskSpec;
import org.emoaudionet.features.SegmentFeatures;
import org.emoaudionet.model.ScoringModel;

/**
 * A model shared by concurrent requests: feature extraction runs in parallel, the forward pass
 * one request at a time (DJL documents models, not blocks' forward passes, as thread-safe).
 */
final class SerialModel implements ScoringModel {
  private final ScoringModel model;

  SerialModel(ScoringModel model) {
    this.model = model;
  }

  @Override
  public TaskSpec task() {
    return model.task();
  }

  @Override
  public PipelineConfig config() {
    return model.config();
  }

  @Override
  public synchronized float[][] predict(List<SegmentFeatures> segments) {
    return model.predict(segments);
  }

  @Override
  public synchronized void close() {
    model.close();
  }
}
