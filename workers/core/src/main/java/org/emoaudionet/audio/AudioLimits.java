package org.emoaudionet.audio;

import java.util.Locale;

/**
 * How much audio one file may hold, checked against what its header declares before anything is
 * allocated. A header is the uploader's word: a 96 KB WAV declaring 1 Hz holds 48 000 "seconds",
 * which resampled to 44.1 kHz would be 8.5 GB of floats, and a 12 KB one at 10 Hz ten minutes of
 * audio to segment and score.
 *
 * @param minSeconds the shortest recording accepted (0: any); scoring needs one whole segment
 * @param maxSeconds the longest recording decoded
 * @param maxSetting the setting that sets {@code maxSeconds}, as a refusal names it
 */
public record AudioLimits(double minSeconds, double maxSeconds, String maxSetting) {
  /** Lower sample rates than telephone speech's 8 kHz (halved) are no recording of speech. */
  public static final int MIN_RATE = 4_000;
  /** The highest rate audio interfaces record at; anything above is a corrupt or hostile header. */
  public static final int MAX_RATE = 384_000;
  public static final String MAX_SECONDS_ENV = "EMO_MAX_AUDIO_SECONDS";
  /** DAIC-WOZ interviews run past half an hour: an hour keeps every corpus and bounds memory. */
  public static final double DEFAULT_MAX_SECONDS = 3600;

  private static volatile AudioLimits training;

  public AudioLimits {
    if (!(maxSeconds > 0) || Double.isInfinite(maxSeconds)) {
      throw new IllegalArgumentException(maxSetting + " must be a positive number of seconds, got "
          + maxSeconds);
    }
    if (!(minSeconds >= 0) || minSeconds > maxSeconds) {
      throw new IllegalArgumentException("the shortest recording (" + minSeconds + " s) must be"
          + " between 0 and " + maxSetting + " = " + maxSeconds + " s");
    }
  }

  /**
   * Training data, evaluation and {@code emo predict}: {@value #MAX_SECONDS_ENV} seconds at most
   * (default {@value #DEFAULT_MAX_SECONDS}), no minimum.
   */
  public static AudioLimits training() {
    AudioLimits t = training;
    if (t == null) {
      String v = System.getenv(MAX_SECONDS_ENV);
      double max = DEFAULT_MAX_SECONDS;
      if (v != null && !v.isBlank()) {
        try {
          max = Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(MAX_SECONDS_ENV + "='" + v + "' is not a number of"
              + " seconds");
        }
      }
      t = new AudioLimits(0, max, MAX_SECONDS_ENV);
      training = t;
    }
    return t;
  }

  /** This with a shortest recording of {@code seconds} (or the present one, if longer). */
  public AudioLimits withMinSeconds(double seconds) {
    return new AudioLimits(Math.max(minSeconds, seconds), maxSeconds, maxSetting);
  }

  /** The most sample frames a file at {@code rate} may hold (never more than one array takes). */
  public long maxFrames(int rate) {
    return (long) Math.min(AudioReader.MAX_FRAMES, Math.floor(maxSeconds * rate));
  }

  /** Refuses a header's rate outside {@value #MIN_RATE}..{@value #MAX_RATE} Hz. */
  static void checkRate(long rate, String source, String header) throws AudioFormatException {
    if (rate < MIN_RATE || rate > MAX_RATE) {
      throw new AudioFormatException(source, header + " declares sample rate " + rate + " Hz;"
          + " only " + MIN_RATE + " to " + MAX_RATE + " Hz are decoded (no recording has a rate"
          + " outside them: the header is corrupt)");
    }
  }

  /**
   * Refuses {@code frames} at {@code rate} when longer than the limit, before they are allocated.
   *
   * @param what what holds them, e.g. {@code WAV data chunk declares}
   */
  void checkFrames(long frames, int rate, String source, String what)
      throws AudioFormatException {
    if (frames > maxFrames(rate)) {
      throw new AudioFormatException(source, what + " " + frames + " samples at " + rate + " Hz ("
          + seconds(frames / (double) rate) + "), more than the limit of "
          + seconds(Math.min(maxSeconds, AudioReader.MAX_FRAMES / (double) rate)) + " ("
          + maxSetting + " = " + seconds(maxSeconds) + ")");
    }
  }

  /** Refuses fewer than {@code minSeconds} of audio, saying how much is needed. */
  void checkMinimum(long frames, int rate, String source) throws AudioFormatException {
    if (frames < minSeconds * rate) {
      throw new AudioFormatException(source, "holds only " + seconds(frames / (double) rate)
          + " of audio (" + frames + (frames == 1 ? " sample" : " samples") + " at " + rate
          + " Hz); at least " + seconds(minSeconds) + " (one whole segment) are needed to score"
          + " it");
    }
  }

  static String seconds(double s) {
    return String.format(Locale.ROOT, s >= 1 ? "%.1f s" : "%.4g s", s);
  }
}
