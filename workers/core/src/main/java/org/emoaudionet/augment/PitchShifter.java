package org.emoaudionet.augment;

import java.util.Arrays;
import org.emoaudionet.audio.Resampler;

/**
 * Pitch shift with unchanged duration, the method of {@code librosa.effects.pitch_shift} (which
 * nlpaug's {@code PitchAug} in the authors' code calls):
 *
 * <ol>
 *   <li>time-stretch by rate = 2^(-semitones/12) with a phase vocoder (n_fft 2048, hop 512, Hann
 *       window, phase accumulation; see {@link PhaseVocoder}), which changes the duration by
 *       1/rate and keeps the pitch;
 *   <li>resample from sr/rate to sr with the band-limited {@link Resampler}, which brings the
 *       duration back and scales every frequency by 1/rate = 2^(semitones/12);
 *   <li>cut or zero-pad to the input length ({@code librosa.util.fix_length}).
 * </ol>
 *
 * Positive semitones shift up, negative down (the paper preset shifts down). librosa's default
 * resampler is soxr; ours is a Kaiser windowed sinc, so samples differ slightly while
 * frequencies and duration agree.
 */
public final class PitchShifter {
  private PitchShifter() {}

  public static float[] shift(float[] x, int sampleRate, double semitones) {
    if (sampleRate <= 0 || !Double.isFinite(semitones)) {
      throw new IllegalArgumentException("bad pitch shift: rate " + sampleRate + ", semitones "
          + semitones);
    }
    if (semitones == 0 || x.length == 0) {
      return x.clone();
    }
    double rate = Math.pow(2, -semitones / 12);
    float[] stretched = PhaseVocoder.timeStretch(x, rate);
    float[] shifted = Resampler.resample(stretched, sampleRate / rate, sampleRate);
    return Arrays.copyOf(shifted, x.length);
  }
}
