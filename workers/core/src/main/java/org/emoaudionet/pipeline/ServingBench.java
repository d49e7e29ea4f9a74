package org.emoaudionet.pipeline;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.emoaudionet.audio.WavWriter;
import org.emoaudionet.config.PipelineConfig;
import org.emoaudionet.features.FeatureBench;
import org.emoaudionet.model.Devices;
import org.emoaudionet.model.InferenceBench;
import org.emoaudionet.model.ScoringModel;

/**
 * What the serving endpoint pays per file: decode a 10 s WAV, cut it into segments, compute both
 * features of each and run the forward ({@link Predictor#predict}), for a freshly initialised
 * model of the preset. The median of {@code repeats} calls after one warm-up. Not a test.
 */
public final class ServingBench {
  private ServingBench() {}

  public static final double FILE_SECONDS = 10.0;

  /** Median milliseconds per file, and the audio seconds served per wall second. */
  public record Result(String preset, double fileSeconds, int repeats, double medianMillis,
      String device) {
    @Override
    public String toString() {
      return String.format(Locale.ROOT, "%-6s serving one %.0f s file on %s: %8.1f ms per file"
          + " (median of %d), %6.1f audio-s per wall-s", preset, fileSeconds, device, medianMillis,
          repeats, fileSeconds / (medianMillis / 1e3));
    }
  }

  public static Result measure(PipelineConfig config, int repeats) throws IOException {
    int sr = config.audio().sampleRate();
    Path dir = Files.createTempDirectory("emo-serving-bench");
    Path wav = dir.resolve("ten-seconds.wav");
    try (ScoringModel model = InferenceBench.model(config, NDManager.newBaseManager(Devices.preferred()))) {
      WavWriter.writePcm16(wav, FeatureBench.syntheticSegment((int) (FILE_SECONDS * sr), sr, 3), sr);
      Predictor predictor = new Predictor(model);
      predictor.predict(wav);
      double[] ms = new double[Math.max(1, repeats)];
      for (int i = 0; i < ms.length; i++) {
        long t0 = System.nanoTime();
        predictor.predict(wav);
        ms[i] = (System.nanoTime() - t0) / 1e6;
      }
      Arrays.sort(ms);
      return new Result(config.preset(), FILE_SECONDS, ms.length, ms[ms.length / 2],
          Devices.preferred().toString());
    } finally {
      Files.deleteIfExists(wav);
      Files.deleteIfExists(dir);
    }
  }
}
