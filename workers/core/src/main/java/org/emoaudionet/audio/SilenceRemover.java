package org.emoaudionet.audio;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.emoaudionet.config.PipelineConfig.AudioConfig;
import org.emoaudionet.data.TimeSpan;

/**
 * Energy-based pause removal (the paper removes long pauses found by a silence detector, without
 * saying which; this is our detector).
 *
 * <p>The clip is cut into non-overlapping frames of {@code cfg.silenceFrameSeconds()}; each frame
 * gets its RMS level in dB. Levels are compared with two robust statistics of the frame levels
 * rather than with the maximum, so that one click or bump cannot make all real speech look quiet:
 *
 * <ul>
 *   <li>the <b>loud reference</b>, the {@value #LOUD_PERCENTILE}th percentile of frame levels
 *       (typical loud speech);
 *   <li>the <b>noise floor</b>, the {@value #FLOOR_PERCENTILE}th percentile (pauses, if any).
 * </ul>
 *
 * A frame is silent when its level is below {@code reference - |cfg.silenceThresholdDb()|}, or,
 * in a noisy recording, below {@code floor + }{@value #FLOOR_MARGIN_DB}{@code  dB} but never
 * above {@code reference - }{@value #MIN_DEPTH_DB}{@code  dB}. The second rule is what removes a
 * noise floor only 30 dB below speech (a fixed 40 dB threshold would keep it); its cap keeps soft
 * speech in recordings without pauses, whose "floor" is speech. Only runs of silent frames longer
 * than {@code cfg.minSilenceSeconds()} are removed, and {@value #MARGIN_SECONDS} s of each run
 * next to speech is kept so that onsets and decays are not clipped.
 */
public final class SilenceRemover {
  static final double LOUD_PERCENTILE = 95;
  static final double FLOOR_PERCENTILE = 10;
  static final double FLOOR_MARGIN_DB = 10;
  static final double MIN_DEPTH_DB = 20;
  static final double MARGIN_SECONDS = 0.1;

  private SilenceRemover() {}

  /** Speech regions of {@code clip}, in seconds, in time order; all of it if removal is off. */
  public static List<TimeSpan> speechRegions(AudioClip clip, AudioConfig cfg) {
    int n = clip.samples().length;
    double duration = clip.durationSeconds();
    if (!cfg.removeSilence() || n == 0) {
      return n == 0 ? List.of() : List.of(new TimeSpan(0, duration));
    }
    int rate = clip.sampleRate();
    int frame = Math.max(1, (int) Math.round(cfg.silenceFrameSeconds() * rate));
    double[] db = frameLevels(clip.samples(), frame);
    boolean[] silent = silentFrames(db, cfg.silenceThresholdDb());
    int minRun = (int) Math.floor(cfg.minSilenceSeconds() * rate);
    int margin = (int) Math.round(MARGIN_SECONDS * rate);
    List<TimeSpan> speech = new ArrayList<>();
    int keepFrom = 0; // first sample not yet removed
    int f = 0;
    while (f < db.length) {
      if (!silent[f]) {
        f++;
        continue;
      }
      int runStart = f;
      while (f < db.length && silent[f]) {
        f++;
      }
      int s = runStart * frame;
      int e = Math.min(n, f * frame);
      if (e - s <= minRun) {
        continue;
      }
      int cutStart = s == 0 ? 0 : s + margin;
      int cutEnd = e == n ? n : e - margin;
      if (cutEnd <= cutStart) {
        continue;
      }
      if (cutStart > keepFrom) {
        speech.add(new TimeSpan(keepFrom / (double) rate, cutStart / (double) rate));
      }
      keepFrom = cutEnd;
    }
    if (keepFrom < n) {
      speech.add(new TimeSpan(keepFrom / (double) rate, duration));
    }
    return speech;
  }

  /** The clip with its long pauses removed, speech joined. */
  public static float[] removePauses(AudioClip clip, AudioConfig cfg) {
    return timeline(clip, cfg).extract(clip.samples());
  }

  /** The mapping from the output of {@link #removePauses} back to the clip's time. */
  public static SpeechTimeline timeline(AudioClip clip, AudioConfig cfg) {
    return SpeechTimeline.of(speechRegions(clip, cfg), clip.sampleRate(), clip.samples().length);
  }

  static double[] frameLevels(float[] x, int frame) {
    int frames = (x.length + frame - 1) / frame;
    double[] db = new double[frames];
    for (int i = 0; i < frames; i++) {
      int from = i * frame;
      int to = Math.min(x.length, from + frame);
      double sum = 0;
      for (int k = from; k < to; k++) {
        sum += (double) x[k] * x[k];
      }
      db[i] = 10 * Math.log10(sum / (to - from) + 1e-20);
    }
    return db;
  }

  static boolean[] silentFrames(double[] db, double thresholdDb) {
    double[] sorted = db.clone();
    Arrays.sort(sorted);
    double reference = percentile(sorted, LOUD_PERCENTILE);
    double floor = percentile(sorted, FLOOR_PERCENTILE);
    double threshold = Math.max(reference - Math.abs(thresholdDb),
        Math.min(floor + FLOOR_MARGIN_DB, reference - MIN_DEPTH_DB));
    boolean[] silent = new boolean[db.length];
    for (int i = 0; i < db.length; i++) {
      silent[i] = db[i] < threshold;
    }
    return silent;
  }

  private static double percentile(double[] sorted, double p) {
    double pos = p / 100 * (sorted.length - 1);
    int lo = (int) Math.floor(pos);
    int hi = Math.min(sorted.length - 1, lo + 1);
    return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
  }
}
