package org.emoaudionet.train;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.emoaudionet.config.PipelineConfig;
import org.emoaudionet.data.Split;
import org.emoaudionet.features.SegmentFeatures;
import org.emoaudionet.model.ChannelsLastTraining;
import org.emoaudionet.model.Devices;
import org.emoaudionet.model.EmoAudioNetBlock;
import org.emoaudionet.model.EmoAudioNetFactory;
import org.emoaudionet.model.ModelSummary;
import org.emoaudionet.spec.Architecture;

/**
 * Training throughput of the EmoAudioNet network on random inputs: samples per second and the
 * achieved GFLOP/s, counting a training step as 3x the forward FLOPs of the convolutions and the
 * Linear (backward ~ 2x forward). Usage: {@code TrainBench [smallSteps [paperSteps]]}; paper
 * steps 0 skips the slow 224x224 / 128-channel case.
 */
public final class TrainBench {
  /** One measured configuration. */
  public record Result(String preset, Architecture arch, int batch, int steps, double seconds,
      double samplesPerSecond, double gflopsPerSecond, String device) {
    @Override
    public String toString() {
      return String.format(Locale.ROOT,
          "%-6s %-12s batch %3d, %3d steps on %s: %8.1f samples/s, %7.2f GFLOP/s (%.2f s/step)",
          preset, arch.wireName(), batch, steps, device, samplesPerSecond, gflopsPerSecond, seconds / steps);
    }
  }

  private TrainBench() {}

  public static void main(String[] args) {
    int smallSteps = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    int paperSteps = args.length > 1 ? Integer.parseInt(args[1]) : 2;
    for (Result r : run(smallSteps, paperSteps)) System.out.println(r);
  }

  public static List<Result> run(int smallSteps, int paperSteps) {
    List<Result> out = new ArrayList<>();
    if (smallSteps > 0) out.add(measure(PipelineConfig.small(), 32, smallSteps));
    if (paperSteps > 0) out.add(measure(PipelineConfig.paper(), 8, paperSteps));
    return out;
  }

  /** Classes of the benched network (the peers' too). */
  public static final int CLASSES = 10;

  /** {@code batch} segments of random features at the preset's sizes, labels 0..CLASSES-1. */
  public static List<SegmentFeatures> randomBatch(PipelineConfig config, int batch) {
    int mfcc = EmoAudioNetFactory.MFCC_LENGTH;
    int size = config.model().imageSize();
    Random r = new Random(1);
    List<SegmentFeatures> data = new ArrayList<>();
    for (int i = 0; i < batch; i++) {
      float[] m = new float[mfcc];
      for (int j = 0; j < mfcc; j++) m[j] = (float) r.nextGaussian();
      byte[] img = new byte[3 * size * size];
      r.nextBytes(img);
      data.add(new SegmentFeatures("bench", null, i, Split.TRAIN, i % CLASSES, Double.NaN, m, img,
          "original"));
    }
    return data;
  }

  /**
   * Shortest warm-up. The JIT compiles the Java side (batch assembly, the dropout masks) only after
   * many calls: with one warm-up call, a small preset's first inference batches ran up to 3.7x
   * slower than the same batches a few minutes later in one bench run, and with 2 s of warm-up,
   * eight back-to-back 50-step measurements of small training in one JVM read 558, 421, 1117, 800,
   * 911, 1158, 1122 and 882 samples/s (AVX-512 CPU, 2026-12-04): the steady state a real training
   * sees comes after 10-15 s. Python peers need no JIT, so one call warms them (their primitives
   * and graphs), as it does ours at the paper sizes.
   */
  public static final long WARM_UP_NANOS = 10_000_000_000L;

  /** Runs {@code call} once, then again until {@link #WARM_UP_NANOS} have passed. */
  public static void warmUp(Runnable call) {
    long until = System.nanoTime() + WARM_UP_NANOS;
    do {
      call.run();
    } while (System.nanoTime() < until);
  }

  /** Warm-up steps ({@link #warmUp}), then {@code steps} timed steps of batch {@code batch}. */
  public static Result measure(PipelineConfig config, int batch, int steps) {
    Architecture arch = Architecture.EMOAUDIONET;
    int classes = CLASSES;
    int mfcc = EmoAudioNetFactory.MFCC_LENGTH;
    int size = config.model().imageSize();
    List<SegmentFeatures> data = randomBatch(config, batch);
    Device device = Devices.preferred();
    try (NDManager manager = NDManager.newBaseManager(device)) {
      Engine.getInstance().setRandomSeed(1);
      EmoAudioNetBlock block = EmoAudioNetFactory.buildInitialized(arch, config.model(), classes, mfcc, manager);
      PipelineConfig.TrainConfig tc = config.train();
      RmsProp opt = RmsProp.builder().optLearningRate(new LearningRate((float) tc.learningRate())).build();
      Network net = new Network(block, manager, opt, LossFunction.CROSS_ENTROPY, mfcc, size);
      warmUp(() -> net.train(data));
      long t0 = System.nanoTime();
      for (int i = 0; i < steps; i++) net.train(data);
      double sec = (System.nanoTime() - t0) / 1e9;
      double flops = 3 * ModelSummary.forwardFlops(arch, config.model(), classes, mfcc) * batch * steps;
      return new Result(config.preset(), arch, batch, steps, sec, batch * steps / sec, flops / sec / 1e9,
          device + (ChannelsLastTraining.enabled(device) ? ", channels-last" : ""));
    }
  }
}
