package org.emoaudionet.cli;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.emoaudionet.augment.AugmentBench;
import org.emoaudionet.config.PipelineConfig;
import org.emoaudionet.features.FeatureBench;
import org.emoaudionet.model.Devices;
import org.emoaudionet.model.InferenceBench;
import org.emoaudionet.pipeline.ServingBench;
import org.emoaudionet.train.StepProfile;
import org.emoaudionet.train.TrainBench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Prints throughput figures, each next to a reference measured in the same run on the same
 * machine: feature extraction and augmentation against real time (audio seconds per wall second,
 * one core), training GFLOP/s against a plain large matrix product on the same engine and device
 * (about what this machine can reach at all), inference and the serving path's cost per file;
 * with {@code --peers}, the same network in PyTorch and Keras, run here, in one table of ratios.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = "Feature, augmentation, training, inference and serving speed (both presets);"
        + " --peers adds PyTorch and Keras/TensorFlow side by side.")
final class BenchCommand implements Callable<Integer> {
  @Option(names = "--audio-seconds", defaultValue = "60", description = "audio per feature bench (default: ${DEFAULT-VALUE})")
  double audioSeconds;

  @Option(names = "--small-steps", defaultValue = "20", description = "timed training steps, small preset")
  int smallSteps;

  @Option(names = "--paper-steps", defaultValue = "2", description = "timed training steps, paper preset (0 skips paper)")
  int paperSteps;

  @Option(names = "--infer-steps", defaultValue = "10", description = "timed inference batches of 32, small preset (paper: --paper-steps)")
  int inferSteps;

  @Option(names = "--serving-repeats", defaultValue = "3", description = "timed 10 s files through the serving path, per preset")
  int servingRepeats;

  @Option(names = "--profile", description = "profile one training step of each preset (PyTorch's profiler): ops by time, and a Chrome trace")
  boolean profile;

  @Option(names = "--peers", description = "also run the PyTorch and Keras peers (./emo bench --peers installs their venv)")
  boolean peers;

  @Option(names = "--scale", description = "run the data-scale benchmark instead (feature shards: preparation"
      + " 1 vs 2 threads, peak RSS of streamed training for two corpus sizes, shard read throughput)")
  boolean scale;

  @Option(names = "--scale-hours", split = ",", defaultValue = "2,20",
      description = "with --scale: SYNTHETIC corpus sizes in hours of audio (default: ${DEFAULT-VALUE})")
  double[] scaleHours;

  @Option(names = "--scale-steps", defaultValue = "300", description = "with --scale: training steps per corpus")
  int scaleSteps;

  @Option(names = "--scale-buffer", defaultValue = "2048", description = "with --scale: shuffle buffer, segments")
  int scaleBuffer;

  @Option(names = "--scale-prep-minutes", defaultValue = "30",
      description = "with --scale: minutes of repeated sample audio to prepare (0 skips)")
  double scalePrepMinutes;

  @Option(names = "--scale-heap", defaultValue = "512m", description = "with --scale: -Xmx of each training JVM")
  String scaleHeap;

  @Option(names = "--scale-work", defaultValue = "${sys:java.io.tmpdir}/emo-scale-bench",
      description = "with --scale: working folder (several GB for 20 h)")
  java.nio.file.Path scaleWork;

  private static final int SMALL_BATCH = 32;
  private static final int PAPER_BATCH = 8;
  private static final int INFER_BATCH = 32;

  @Override
  public Integer call() throws Exception {
    if (scale) {
      String root = System.getenv().getOrDefault("EMO_REPO_ROOT", ".");
      ScaleBench.run(new ScaleBench.Options(scaleWork, scaleHours, scaleSteps, scaleBuffer,
          scalePrepMinutes, java.nio.file.Path.of(root, "workers/samples/manifest/manifest.csv"),
          scaleHeap));
      return 0;
    }
    System.out.println("== features, one thread (reference: real time = 1.0) ==");
    FeatureBench.Result features = FeatureBench.measure(audioSeconds, FEATURE_PEER_SIZE, true);
    FeatureBench.measure(audioSeconds, 64, true);
    System.out.println("\n== augmentation, one thread, paper settings (reference: real time = 1.0) ==");
    for (AugmentBench.Result r : AugmentBench.run(PipelineConfig.paper(), audioSeconds)) {
      System.out.println(r);
    }
    double reference = matmulGflops();
    System.out.printf(Locale.ROOT, "%n== training (reference: %d x %d matmul on %s = %.2f GFLOP/s) ==%n",
        N, N, Devices.preferred(), reference);
    List<TrainBench.Result> train = TrainBench.run(smallSteps, paperSteps);
    for (TrainBench.Result r : train) {
      System.out.printf(Locale.ROOT, "%s  = %.3f x reference%n", r, r.gflopsPerSecond() / reference);
    }
    System.out.println("\n== inference (serving forward: batch, softmax, copy out) ==");
    List<PipelineConfig> presets = paperSteps > 0
        ? List.of(PipelineConfig.small(), PipelineConfig.paper()) : List.of(PipelineConfig.small());
    List<InferenceBench.Result> infer = new ArrayList<>();
    for (PipelineConfig c : presets) {
      InferenceBench.Result r = InferenceBench.measure(c, INFER_BATCH, steps(c));
      infer.add(r);
      System.out.println(r);
    }
    System.out.println("\n== serving one file (decode, segments, both features, forward) ==");
    for (PipelineConfig c : presets) System.out.println(ServingBench.measure(c, servingRepeats));
    if (profile) {
      System.out.println("\n== where a training step's time goes (PyTorch profiler, one step) ==");
      for (PipelineConfig c : presets) {
        int batch = c.preset().equals("paper") ? PAPER_BATCH : SMALL_BATCH;
        Path trace = Path.of(System.getProperty("java.io.tmpdir"),
            "emo-step-profile-" + c.preset() + ".json");
        System.out.print(StepProfile.run(c, batch, trace).table(15));
      }
    }
    if (peers) {
      peerTable(presets, train, infer);
      featurePeerTable(features);
    }
    return 0;
  }

  private int steps(PipelineConfig c) {
    return c.preset().equals("paper") ? paperSteps : inferSteps;
  }

  /** One table, same run: ours, each peer, and ours over the fastest peer. */
  private void peerTable(List<PipelineConfig> presets, List<TrainBench.Result> train,
      List<InferenceBench.Result> infer) {
    int threads = Runtime.getRuntime().availableProcessors();
    PeerBench bench = PeerBench.fromEnvironment(threads);
    System.out.printf(Locale.ROOT, "%n== peers, this run, %d threads (samples/s; ratio = ours /"
        + " fastest peer, >= 1.0 is as fast; ours = mean of before and after the peers) ==%n", threads);
    List<String> header = new ArrayList<>(List.of("preset", "measure", "ours"));
    List<List<String>> rows = new ArrayList<>();
    for (int i = 0; i < presets.size(); i++) {
      PipelineConfig c = presets.get(i);
      boolean paper = c.preset().equals("paper");
      int batch = paper ? PAPER_BATCH : SMALL_BATCH;
      List<PeerBench.Figures> peers = bench.run(c, batch, paper ? paperSteps : smallSteps,
          INFER_BATCH, steps(c));
      for (PeerBench.Figures f : peers) {
        if (!header.contains(f.framework())) header.add(f.framework());
      }
      // Ours again after the peers: a shared machine's speed drifts over minutes (the matmul
      // reference moved 1.7x between two runs here), so ours brackets the peers in time and the
      // table uses the mean of the two measurements.
      int trainSteps = paper ? paperSteps : smallSteps;
      double trainBefore = train.get(i).samplesPerSecond();
      double trainAfter = TrainBench.measure(c, batch, trainSteps).samplesPerSecond();
      double inferBefore = infer.get(i).samplesPerSecond();
      double inferAfter = InferenceBench.measure(c, INFER_BATCH, steps(c)).samplesPerSecond();
      peers.forEach(f -> System.out.println("  " + f.framework() + ": " + f.version()));
      System.out.printf(Locale.ROOT, "  ours, %s, before / after the peers: train %s / %s,"
          + " inference %s / %s samples/s%n", c.preset(), fmt(trainBefore), fmt(trainAfter),
          fmt(inferBefore), fmt(inferAfter));
      rows.add(row(c.preset(), "train, batch " + batch, (trainBefore + trainAfter) / 2, peers,
          header, true));
      rows.add(row(c.preset(), "inference, batch " + INFER_BATCH, (inferBefore + inferAfter) / 2,
          peers, header, false));
    }
    header.add("ours / fastest");
    System.out.println("| " + String.join(" | ", header) + " |");
    System.out.println("|" + "---|".repeat(header.size()));
    for (List<String> r : rows) {
      while (r.size() < header.size() - 1) r.add(r.size() - 1, "");
      System.out.println("| " + String.join(" | ", r) + " |");
    }
  }

  /** The paper's image size: the feature peer is timed at it, as the issue measured it. */
  private static final int FEATURE_PEER_SIZE = 224;

  /** Ours against the Python feature path (features_peer.py), same segments, one thread each. */
  private void featurePeerTable(FeatureBench.Result ours) {
    System.out.printf(Locale.ROOT, "%n== feature peer, this run, one thread (ms per 2.5 s segment at"
        + " 44.1 kHz, %d px; ratio = peer time / ours, >= 1.0 is as fast) ==%n", ours.imageSize());
    PeerBench.FeatureFigures f;
    try {
      f = PeerBench.fromEnvironment(1).features(audioSeconds, ours.imageSize());
    } catch (IOException | RuntimeException e) {
      System.out.println("  feature peer failed: " + e.getMessage());
      return;
    }
    System.out.println("  " + f.framework() + ": " + f.version());
    System.out.println("| input | ours | " + f.framework() + " | peer / ours |");
    System.out.println("|---|---|---|---|");
    featureRow("mfcc (177 frame means)", ours.mfccMillis(), f.mfccMillis());
    featureRow("image (" + ours.imageSize() + " px)", ours.imageMillis(), f.imageMillis());
    featureRow("both", ours.bothMillis(), f.bothMillis());
  }

  private static void featureRow(String input, double ours, double peer) {
    System.out.printf(Locale.ROOT, "| %s | %.2f | %.2f | %s |%n", input, ours, peer,
        PeerBench.ratio(peer, ours));
  }

  private static List<String> row(String preset, String measure, double ours,
      List<PeerBench.Figures> peers, List<String> header, boolean training) {
    List<String> r = new ArrayList<>(List.of(preset, measure, fmt(ours)));
    double best = 0;
    for (String framework : header.subList(3, header.size())) {
      PeerBench.Figures f = peers.stream().filter(p -> p.framework().equals(framework))
          .findFirst().orElse(null);
      double v = f == null ? 0 : training ? f.trainSamplesPerSecond() : f.inferSamplesPerSecond();
      r.add(f == null ? "" : fmt(v));
      best = Math.max(best, v);
    }
    r.add(PeerBench.ratio(ours, best));
    return r;
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, v >= 100 ? "%.0f" : "%.2f", v);
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
