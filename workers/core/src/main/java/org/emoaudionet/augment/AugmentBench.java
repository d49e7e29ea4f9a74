package org.emoaudionet.augment;

import java.util.Locale;
import org.emoaudionet.config.PipelineConfig;
import org.emoaudionet.features.FeatureBench;

/**
 * Throughput of the paper's two augmentations on one thread, in audio seconds per wall second:
 * additive noise and the pitch shift (phase vocoder plus resampling, the slow one), each on
 * 2.5 s segments at the preset's sample rate and with its first setting. Not a test.
 */
public final class AugmentBench {
  private AugmentBench() {}

  public record Result(String what, double audioSeconds, double wallSeconds) {
    public double audioPerWallSecond() {
      return audioSeconds / wallSeconds;
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "  %-26s %8.1f audio-s per wall-s  (%.2f ms per 2.5 s"
          + " segment)", what, audioPerWallSecond(), 1e3 * wallSeconds / (audioSeconds / 2.5));
    }
  }

  /** Noise, then pitch shift, over {@code audioSeconds} of synthetic voiced audio. */
  public static Result[] run(PipelineConfig config, double audioSeconds) {
    int sr = config.audio().sampleRate();
    float[] seg = FeatureBench.syntheticSegment((int) Math.round(2.5 * sr), sr, 11);
    int segments = Math.max(1, (int) Math.ceil(audioSeconds / 2.5));
    double[] alphas = config.augment().noiseAlphas();
    double[] steps = config.augment().pitchSemitones();
    double alpha = alphas.length == 0 ? 0.01 : alphas[0];
    double semitones = steps.length == 0 ? 2 : steps[0];
    if (config.augment().pitchShiftDown()) semitones = -semitones;
    double sink = 0;
    for (int i = 0; i < 2; i++) { // warm-up for the JIT
      sink += NoiseAugmenter.addNoise(seg, alpha, i)[0] + PitchShifter.shift(seg, sr, semitones)[0];
    }
    long t0 = System.nanoTime();
    for (int i = 0; i < segments; i++) sink += NoiseAugmenter.addNoise(seg, alpha, i)[i % 100];
    long t1 = System.nanoTime();
    for (int i = 0; i < segments; i++) sink += PitchShifter.shift(seg, sr, semitones)[i % 100];
    long t2 = System.nanoTime();
    if (sink == 42.4242) System.out.println(); // keeps the results alive
    double audio = segments * 2.5;
    return new Result[] {
        new Result(String.format(Locale.ROOT, "noise (alpha %.3g)", alpha), audio, (t1 - t0) / 1e9),
        new Result(String.format(Locale.ROOT, "pitch shift (%+.0f semitones)", semitones), audio,
            (t2 - t1) / 1e9)};
  }
}
