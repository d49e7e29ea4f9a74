package org.emoaudionet.audio;

import java.util.ArrayList;
import java.util.List;
import org.emoaudionet.data.TimeSpan;

/**
 * Where the samples of pause-free (concatenated) speech came from in the original recording, so a
 * segment's time-continuous label (RECOLA's gold standard every 40 ms) can be averaged over the
 * original times it covers.
 *
 * <p>Built from the kept regions of a recording at {@code sampleRate}; pieces are kept in time
 * order, each as an original sample range and its offset in the concatenated speech.
 */
public final class SpeechTimeline {
  private final int sampleRate;
  private final int[] origStart;
  private final int[] origEnd;
  private final long[] concatStart;
  private final long totalSamples;

  private SpeechTimeline(int sampleRate, List<int[]> ranges) {
    this.sampleRate = sampleRate;
    int n = ranges.size();
    origStart = new int[n];
    origEnd = new int[n];
    concatStart = new long[n];
    long at = 0;
    for (int i = 0; i < n; i++) {
      origStart[i] = ranges.get(i)[0];
      origEnd[i] = ranges.get(i)[1];
      concatStart[i] = at;
      at += origEnd[i] - origStart[i];
    }
    totalSamples = at;
  }

  /**
   * The timeline of {@code regions} (seconds; sorted, merged and clipped to {@code length}
   * samples) of a recording of {@code length} samples at {@code sampleRate}.
   */
  public static SpeechTimeline of(List<TimeSpan> regions, int sampleRate, int length) {
    if (sampleRate <= 0) {
      throw new IllegalArgumentException("sample rate must be positive, got " + sampleRate);
    }
    return new SpeechTimeline(sampleRate, AudioLoader.sampleRanges(regions, sampleRate, length));
  }

  /** Everything kept: the identity mapping. */
  public static SpeechTimeline identity(int sampleRate, int length) {
    return of(List.of(new TimeSpan(0, length / (double) sampleRate)), sampleRate, length);
  }

  public int sampleRate() {
    return sampleRate;
  }

  /** Length of the concatenated speech in samples at {@link #sampleRate()}. */
  public int speechSamples() {
    return (int) totalSamples;
  }

  /** The kept samples of {@code original} (the recording this timeline was built for), joined. */
  public float[] extract(float[] original) {
    float[] out = new float[(int) totalSamples];
    for (int i = 0; i < origStart.length; i++) {
      System.arraycopy(original, origStart[i], out, (int) concatStart[i], origEnd[i] - origStart[i]);
    }
    return out;
  }

  /** The kept regions in original seconds. */
  public List<TimeSpan> regions() {
    List<TimeSpan> out = new ArrayList<>();
    for (int i = 0; i < origStart.length; i++) {
      out.add(new TimeSpan(origStart[i] / (double) sampleRate, origEnd[i] / (double) sampleRate));
    }
    return out;
  }

  /** Original time, in seconds, of sample {@code sample} of the speech at {@code rate}. */
  public double originalTime(long sample, int rate) {
    double t = sample / (double) rate * sampleRate; // in samples of the timeline's rate
    int i = piece(t);
    if (i < 0) {
      return 0;
    }
    double within = Math.min(t - concatStart[i], origEnd[i] - origStart[i]);
    return (origStart[i] + within) / sampleRate;
  }

  /**
   * Original time spans covered by {@code length} speech samples from {@code startSample}, both
   * counted at {@code sampleRate} (which may differ from the timeline's if the speech was
   * resampled). A window crossing a removed pause gives one span per piece; the part of a window
   * past the end of the speech (zero padding) maps to nothing.
   */
  public List<TimeSpan> originalSpans(int startSample, int length, int sampleRate) {
    if (startSample < 0 || length < 0 || sampleRate <= 0) {
      throw new IllegalArgumentException("bad window: start " + startSample + ", length "
          + length + ", rate " + sampleRate);
    }
    double scale = this.sampleRate / (double) sampleRate;
    double a = startSample * scale;
    double b = Math.min((startSample + (double) length) * scale, totalSamples);
    List<TimeSpan> out = new ArrayList<>();
    for (int i = 0; i < origStart.length && a < b; i++) {
      double pieceStart = concatStart[i];
      double pieceEnd = concatStart[i] + (origEnd[i] - origStart[i]);
      double lo = Math.max(a, pieceStart);
      double hi = Math.min(b, pieceEnd);
      if (hi > lo) {
        double shift = origStart[i] - pieceStart;
        out.add(new TimeSpan((lo + shift) / this.sampleRate, (hi + shift) / this.sampleRate));
      }
    }
    return out;
  }

  private int piece(double t) {
    int lo = 0;
    int hi = concatStart.length - 1;
    int found = -1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (concatStart[mid] <= t) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found;
  }
}
