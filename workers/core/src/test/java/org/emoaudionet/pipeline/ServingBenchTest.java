package org.emoaudionet.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.emoaudionet.config.PipelineConfig;
import org.emoaudionet.model.InferenceBench;
import org.junit.jupiter.api.Test;

/**
 * The bench's serving and inference paths run end to end at the small preset (a 10 s synthetic
 * file; the figures themselves are the bench's, not asserted here).
 */
class ServingBenchTest {
  @Test
  void aTenSecondFileGoesThroughDecodeFeaturesAndForward() throws Exception {
    ServingBench.Result r = ServingBench.measure(PipelineConfig.small(), 1);
    assertEquals(10.0, r.fileSeconds());
    assertTrue(r.medianMillis() > 0 && Double.isFinite(r.medianMillis()), r.toString());
  }

  @Test
  void inferenceCountsEveryTimedBatch() {
    InferenceBench.Result r = InferenceBench.measure(PipelineConfig.small(), 4, 2);
    assertEquals(8, r.batch() * r.steps());
    assertTrue(r.samplesPerSecond() > 0, r.toString());
  }
}
