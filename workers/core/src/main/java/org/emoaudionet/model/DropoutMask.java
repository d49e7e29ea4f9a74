package org.emoaudionet.model;

import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.util.stream.IntStream;

/**
 * An inverted-dropout mask: each value 1 / keep with probability keep, else 0. The values are a
 * pure function of (seed, index), drawn in fixed chunks of {@link #CHUNK} values, each from its
 * own SplitMix64 stream; so the mask is the same whatever the number of threads that fill it, and
 * the chunks are filled in parallel (the common fork-join pool plus the calling thread).
 */
public final class DropoutMask {
  /** Values per chunk: large enough to amortise a task, small enough to balance two cores. */
  static final int CHUNK = 1 << 16;
  private static final long GOLDEN = 0x9E3779B97F4A7C15L;

  private DropoutMask() {}

  /**
   * Writes {@code n} floats of the mask into {@code out} (native order, from position 0).
   *
   * @param keep probability of keeping a value, in (0, 1]
   */
  public static void fill(ByteBuffer out, int n, float keep, long seed) {
    if (!(keep > 0 && keep <= 1)) throw new IllegalArgumentException("keep probability must be in (0, 1], got " + keep);
    if (out.capacity() < (long) n * Float.BYTES) {
      throw new IllegalArgumentException("mask buffer holds " + out.capacity() / Float.BYTES + " floats, " + n + " needed");
    }
    // A value is kept when the top 24 bits of its draw are below keep * 2^24: exact to 2^-24.
    int threshold = (int) Math.round(keep * (double) (1 << 24));
    float scale = 1f / keep;
    int chunks = (int) ((n + (long) CHUNK - 1) / CHUNK);
    IntStream.range(0, chunks).parallel().forEach(c -> {
      FloatBuffer f = out.asFloatBuffer();
      int from = c * CHUNK;
      int to = (int) Math.min(n, (long) from + CHUNK);
      long state = mix(seed ^ (c * GOLDEN + GOLDEN));
      for (int i = from; i < to; i += 2) {
        state += GOLDEN;
        long z = mix(state);
        f.put(i, (int) (z >>> 40) < threshold ? scale : 0f);
        if (i + 1 < to) f.put(i + 1, (int) ((z >>> 16) & 0xFFFFFF) < threshold ? scale : 0f);
      }
    });
  }

  /** SplitMix64's finaliser (Steele, Lea and Flood 2014), the mixer of java.util.SplittableRandom. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
