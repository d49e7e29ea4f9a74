package org.emoaudionet.cli;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.emoaudionet.features.FeatureBench;
import org.emoaudionet.model.Devices;
import org.emoaudionet.train.TrainBench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Prints throughput figures, each next to a reference measured in the same run on the same
 * machine: feature extraction against real time (audio seconds per wall second, one core), and
 * training GFLOP/s against a plain large matrix product on the same engine and device, which is
 * about what this machine can reach at all.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = "Feature extraction speed and training throughput (both presets).")
final class BenchCommand implements Callable<Integer> {
  @Option(names = "--audio-seconds", defaultValue = "60", description = "audio per feature bench (default: ${DEFAULT-VALUE})")
  double audioSeconds;

  @Option(names = "--small-steps", defaultValue = "20", description = "timed training steps, small preset")
  int smallSteps;

  @Option(names = "--paper-steps", defaultValue = "2", description = "timed training steps, paper preset (0 skips)")
  int paperSteps;

  @Override
  public Integer call() {
    System.out.println("== features, one thread (reference: real time = 1.0) ==");
    FeatureBench.main(new String[] {String.valueOf(audioSeconds), "224"});
    FeatureBench.main(new String[] {String.valueOf(audioSeconds), "64"});
    double reference = matmulGflops();
    System.out.printf(Locale.ROOT, "%n== training (reference: %d x %d matmul on %s = %.2f GFLOP/s) ==%n",
        N, N, Devices.preferred(), reference);
    for (TrainBench.Result r : TrainBench.run(smallSteps, paperSteps)) {
      System.out.printf(Locale.ROOT, "%s  = %.3f x reference%n", r, r.gflopsPerSecond() / reference);
    }
    return 0;
  }

  private static final int N = 1024;

  static double matmulGflops() {
    try (NDManager m = NDManager.newBaseManager(Devices.preferred())) {
      NDArray a = m.randomNormal(new Shape(N, N));
      NDArray b = m.randomNormal(new Shape(N, N));
      for (int i = 0; i < 3; i++) a.matMul(b).close();
      int reps = 10;
      long t0 = System.nanoTime();
      for (int i = 0; i < reps; i++) {
        NDArray c = a.matMul(b);
        c.getFloat(0, 0); // forces the work on lazy devices
        c.close();
      }
      double sec = (System.nanoTime() - t0) / 1e9;
      return 2.0 * N * N * N * reps / sec / 1e9;
    }
  }
}
