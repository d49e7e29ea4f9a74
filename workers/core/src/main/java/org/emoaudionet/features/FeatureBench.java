package org.emoaudionet.features;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Random;

/**
 * Throughput of the two feature calculators on one thread, in audio seconds per wall second.
 * Not a test (no assertions); run as {@code java ... org.emoaudionet.features.FeatureBench
 * [seconds-of-audio] [image-size]}, defaults 100 s of 2.5 s segments at 44.1 kHz and 224 px.
 * The signal is synthetic (harmonics plus noise), since the cost does not depend on content.
 */
public final class FeatureBench {
  private FeatureBench() {}

  /** Milliseconds of wall time per 2.5 s segment, for each input and both. */
  public record Result(int segments, int imageSize, double mfccMillis, double imageMillis, double bothMillis) {}

  public static void main(String[] args) {
    double audioSeconds = args.length > 0 ? Double.parseDouble(args[0]) : 100.0;
    int imageSize = args.length > 1 ? Integer.parseInt(args[1]) : 224;
    measure(audioSeconds, imageSize, true);
  }

  /** Times both calculators on {@code audioSeconds} of 2.5 s segments; prints when asked. */
  public static Result measure(double audioSeconds, int imageSize, boolean print) {
    int sr = 44_100;
    int segLen = (int) Math.round(2.5 * sr);
    int segments = Math.max(1, (int) Math.ceil(audioSeconds / 2.5));
    float[] seg = syntheticSegment(segLen, sr, 7);
    MfccFeature mfcc = new MfccFeature(sr, 177);
    SpectrogramImage image = new SpectrogramImage(sr, imageSize);
    for (int i = 0; i < 5; i++) { // warm-up for the JIT
      mfcc.compute(seg);
      image.compute(seg);
    }
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    boolean cpu = mx.isCurrentThreadCpuTimeSupported();
    double sink = 0;
    long t0 = System.nanoTime(), c0 = cpu ? mx.getCurrentThreadCpuTime() : 0;
    for (int i = 0; i < segments; i++) sink += mfcc.compute(seg)[i % 177];
    long t1 = System.nanoTime(), c1 = cpu ? mx.getCurrentThreadCpuTime() : 0;
    for (int i = 0; i < segments; i++) sink += image.compute(seg)[i % 100];
    long t2 = System.nanoTime(), c2 = cpu ? mx.getCurrentThreadCpuTime() : 0;
    double audio = segments * 2.5;
    if (print) {
      System.out.printf("features bench: %d segments of 2.5 s at %d Hz, one thread%n", segments, sr);
      report("mfcc (177)", audio, t1 - t0, c1 - c0, segments, cpu);
      report("image (" + imageSize + "x" + imageSize + ")", audio, t2 - t1, c2 - c1, segments, cpu);
      report("both", audio, t2 - t0, c2 - c0, segments, cpu);
    }
    if (sink == 42.4242) System.out.println(); // keeps the results alive
    return new Result(segments, imageSize, (t1 - t0) / 1e6 / segments, (t2 - t1) / 1e6 / segments,
        (t2 - t0) / 1e6 / segments);
  }

  /** Wall time is what a worker sees; thread CPU time shows the cost on a shared, busy machine. */
  private static void report(String what, double audio, long wall, long cpuNanos, int segments, boolean cpu) {
    double s = wall / 1e9;
    System.out.printf("  %-18s %8.1f audio-s per wall-s  (%.2f ms per segment)", what, audio / s, 1e3 * s / segments);
    if (cpu) System.out.printf("; %8.1f audio-s per CPU-s", audio / (cpuNanos / 1e9));
    System.out.println();
  }

  /** Harmonics of 150 Hz plus a little noise: voiced, never silent, so nothing is cut as a pause. */
  public static float[] syntheticSegment(int n, int sr, long seed) {
    Random rnd = new Random(seed);
    float[] y = new float[n];
    for (int i = 0; i < n; i++) {
      double t = (double) i / sr, v = 0;
      for (int h = 1; h <= 20; h++) v += Math.sin(2 * Math.PI * 150 * h * t) / h;
      y[i] = (float) (0.1 * v + 0.01 * rnd.nextGaussian());
    }
    return y;
  }
}
