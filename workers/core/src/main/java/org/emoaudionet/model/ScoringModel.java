package org.emoaudionet.model;

import java.util.List;
import org.emoaudionet.config.PipelineConfig;
import org.emoaudionet.data.TaskSpec;
import org.emoaudionet.features.SegmentFeatures;

/**
 * A model that scores feature segments, whatever trained it: an EmoAudioNet trained here
 * ({@link TrainedModel}, PyTorch engine) or one imported from elsewhere. Evaluation and
 * prediction see only this, so every kind is judged on the same footing.
 */
public interface ScoringModel extends AutoCloseable {
  /** The task whose classes {@link #predict} rows are ordered by. */
  TaskSpec task();

  /** The feature settings the model expects its inputs to be made with. */
  PipelineConfig config();

  /** Softmax probabilities, one row per segment, in the task's class order. */
  float[][] predict(List<SegmentFeatures> segments);

  @Override
  void close();
}
