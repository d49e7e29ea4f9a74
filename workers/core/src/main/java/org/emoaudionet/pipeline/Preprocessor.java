package org.emoaudionet.pipeline;

import java.io.IOException;
import org.emoaudionet.config.PipelineConfig;
import org.emoaudionet.data.Corpus;
import org.emoaudionet.features.FeatureSet;

/**
 * The paper's preprocessing: decode, resample, remove pauses, cut 2.5 s segments every 0.5 s,
 * compute both network inputs, and assign splits by the configured protocol.
 */
public final class Preprocessor {
  private Preprocessor() {}

  public static FeatureSet run(Corpus corpus, PipelineConfig config, ProgressListener progress)
      throws IOException {
    throw new UnsupportedOperationException("TODO");
  }
}
