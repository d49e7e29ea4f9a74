package org.emoaudionet.pipeline;

import java.io.IOException;
import org.emoaudionet.config.PipelineConfig;
import org.emoaudionet.data.Corpus;
import org.emoaudionet.features.FeatureSet;

/**
 * Adds noisy and pitch-shifted copies of the TRAIN segments only (the original code leaked them
 * into validation).
 */
public final class Augmenter {
  private Augmenter() {}

  public static FeatureSet run(Corpus corpus, FeatureSet prepared, PipelineConfig config,
      ProgressListener progress) throws IOException {
    throw new UnsupportedOperationException("TODO");
  }
}
