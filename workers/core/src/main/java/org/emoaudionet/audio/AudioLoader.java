package org.emoaudionet.audio;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.emoaudionet.data.TimeSpan;

/**
 * Reads a recording, keeps the requested regions (e.g. DAIC-WOZ participant turns), joins them
 * and resamples to the pipeline rate. Rejects recordings that would give no usable audio.
 */
public final class AudioLoader {
  /** Peak below this (about -80 dBFS) is taken as "no signal". */
  static final double SILENCE_PEAK = 1e-4;

  private AudioLoader() {}

  /**
   * @param regions spans in seconds of the original recording; empty means the whole recording.
   *     They are sorted and overlapping ones merged (transcript turns can overlap), and clipped at
   *     the end of the recording.
   */
  public static AudioClip load(Path file, int targetRate, List<TimeSpan> regions)
      throws IOException {
    return load(file, targetRate, regions, AudioLimits.training());
  }

  /**
   * As {@link #load(Path, int, List)}, within {@code limits}: the file's header is checked by
   * {@link AudioReader#read(Path, AudioLimits)}, the kept audio against the shortest recording,
   * and the resampled length before it is allocated.
   */
  public static AudioClip load(Path file, int targetRate, List<TimeSpan> regions,
      AudioLimits limits) throws IOException {
    if (targetRate <= 0) {
      throw new IllegalArgumentException("target sample rate must be positive, got " + targetRate);
    }
    AudioClip clip = AudioReader.read(file, limits);
    String source = clip.source();
    float[] x = clip.samples();
    if (x.length == 0) {
      throw new AudioFormatException(source, "contains no audio samples");
    }
    float[] kept = regions.isEmpty() ? x : select(x, clip.sampleRate(), regions, source);
    double peak = 0;
    for (float v : kept) {
      peak = Math.max(peak, Math.abs(v));
    }
    if (peak < SILENCE_PEAK) {
      throw new AudioFormatException(source, "contains only silence (peak " + peak
          + (regions.isEmpty() ? "" : " within the " + regions.size() + " selected regions") + ")");
    }
    limits.checkMinimum(kept.length, clip.sampleRate(), source);
    if (clip.sampleRate() != targetRate) {
      limits.checkFrames(Resampler.outputLength(kept.length, clip.sampleRate(), targetRate),
          targetRate, source, "resampling would make");
    }
    float[] out = clip.sampleRate() == targetRate
        ? kept : Resampler.resample(kept, clip.sampleRate(), targetRate);
    return new AudioClip(out, targetRate, source);
  }

  private static float[] select(float[] x, int rate, List<TimeSpan> regions, String source)
      throws AudioFormatException {
    List<int[]> ranges = sampleRanges(regions, rate, x.length);
    int total = 0;
    for (int[] r : ranges) {
      total += r[1] - r[0];
    }
    if (total == 0) {
      throw new AudioFormatException(source, "the " + regions.size()
          + " selected regions contain no audio (recording is "
          + String.format("%.2f", x.length / (double) rate) + " s long)");
    }
    float[] out = new float[total];
    int p = 0;
    for (int[] r : ranges) {
      System.arraycopy(x, r[0], out, p, r[1] - r[0]);
      p += r[1] - r[0];
    }
    return out;
  }

  /** Sorted, merged, clipped [start, end) sample ranges; empty ones dropped. */
  static List<int[]> sampleRanges(List<TimeSpan> regions, int rate, int length) {
    List<TimeSpan> sorted = new ArrayList<>(regions);
    sorted.sort(Comparator.comparingDouble(TimeSpan::start));
    List<int[]> out = new ArrayList<>();
    for (TimeSpan t : sorted) {
      int s = (int) Math.min(length, Math.round(t.start() * rate));
      int e = (int) Math.min(length, Math.round(t.end() * rate));
      if (e <= s) {
        continue;
      }
      int[] last = out.isEmpty() ? null : out.get(out.size() - 1);
      if (last != null && s <= last[1]) {
        last[1] = Math.max(last[1], e);
      } else {
        out.add(new int[] {s, e});
      }
    }
    return out;
  }
}
