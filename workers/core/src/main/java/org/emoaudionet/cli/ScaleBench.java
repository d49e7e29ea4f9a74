package org.emoaudionet.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.emoaudionet.config.PipelineConfig;
import org.emoaudionet.data.Split;
import org.emoaudionet.data.TaskSpec;
import org.emoaudionet.features.SegmentFeatures;
import org.emoaudionet.features.shards.SegmentKey;
import org.emoaudionet.features.shards.ShardWriter;
import org.emoaudionet.features.shards.ShardedFeatures;
import org.emoaudionet.spec.Architecture;
import org.emoaudionet.train.Trainer;
import org.emoaudionet.train.TrainingListener;

/**
 * The data-scale benchmark ({@code ./emo bench --scale}; never a timed test). Three figures:
 *
 * <ol>
 *   <li>preparation throughput, audio-s per wall-s, of recording shards prepared by 1 and by 2
 *       one-core worker processes ({@link ShardPrepWorker}) over a corpus made by repeating the
 *       bundled SYNTHETIC manifest clips;
 *   <li>peak RSS of streamed training for two corpus sizes (SYNTHETIC feature shards of the
 *       {@code small} preset, 2 segments per second of audio as its 2.5 s / 0.5 s windows give),
 *       each in its own JVM with the same flags, over the same number of steps (the shuffle
 *       buffer is full after its first shards);
 *   <li>shard read throughput (segments/s of one full in-order pass over the larger corpus).
 * </ol>
 */
final class ScaleBench {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ScaleBench() {}

  record Options(Path work, double[] hours, int steps, int buffer, double prepMinutes, Path clips,
      String heap) {}

  static void run(Options o) throws Exception {
    Files.createDirectories(o.work());
    System.out.println("## Data scale (SYNTHETIC data; figures are this machine's, same run)");
    if (o.prepMinutes() > 0) prepare(o);
    List<JsonNode> trains = new ArrayList<>();
    for (double h : o.hours()) {
      Path dir = o.work().resolve("shards-" + hoursName(h) + "h");
      long t0 = System.nanoTime();
      int n = writeSynthetic(dir, h);
      System.out.printf(Locale.ROOT, "generated %s h = %d segments in %.0f s (%s)%n", hoursName(h), n,
          (System.nanoTime() - t0) / 1e9, dir);
      trains.add(child(dir, o.steps(), o.buffer(), o.heap(), o.work().resolve("train-" + h)));
    }
    System.out.println();
    System.out.println("JVM heap of each training: -Xmx" + o.heap() + "; shuffle buffer " + o.buffer() + " segments");
    System.out.println("| corpus | segments | shards on disk | train steps | peak RSS, training | peak RSS, after a full read pass | read pass |");
    System.out.println("|---|---|---|---|---|---|---|");
    for (int i = 0; i < trains.size(); i++) {
      JsonNode j = trains.get(i);
      System.out.printf(Locale.ROOT, "| %s h | %d | %.2f GB | %d (batch 32) | %.0f MB | %.0f MB | %.0f segments/s |%n",
          hoursName(o.hours()[i]), j.get("segments").asInt(), j.get("disk_bytes").asLong() / 1e9,
          j.get("steps").asInt(), j.get("peak_rss_kb").asLong() / 1024.0,
          j.get("read_peak_rss_kb").asLong() / 1024.0,
          j.get("read_segments_per_s").asDouble());
    }
    if (trains.size() >= 2) {
      double a = trains.get(0).get("peak_rss_kb").asDouble();
      double b = trains.get(trains.size() - 1).get("peak_rss_kb").asDouble();
      double ra = trains.get(0).get("read_peak_rss_kb").asDouble();
      double rb = trains.get(trains.size() - 1).get("read_peak_rss_kb").asDouble();
      System.out.printf(Locale.ROOT, "peak RSS after the read pass, largest / smallest corpus: %.3f%n", rb / ra);
      System.out.printf(Locale.ROOT, "peak RSS, largest / smallest corpus: %.3f (target <= 1.10)%n", b / a);
    }
  }

  private static String hoursName(double h) {
    return h == Math.rint(h) ? Long.toString((long) h) : Double.toString(h);
  }

  /**
   * Preparation by 1 and by 2 worker processes over the same repeated clips, each process a
   * one-core worker ({@code -XX:ActiveProcessorCount=1}, one preparation thread) taking its share
   * of the recording shards, as {@code preprocessShard} activities spread over the pool. Wall time
   * from the first start to the last exit, JVM starts included.
   */
  private static void prepare(Options o) throws Exception {
    Path corpusDir = o.work().resolve("prep-corpus");
    RepeatedClips.Written written = RepeatedClips.write(o.clips(), corpusDir, o.prepMinutes() * 60);
    double audioSeconds = written.seconds();
    int perShard = 8;
    double[] rate = new double[2];
    for (int workers = 1; workers <= 2; workers++) {
      Path dir = o.work().resolve("prep-" + workers + "-workers");
      long t0 = System.nanoTime();
      List<Process> running = new ArrayList<>();
      for (int w = 0; w < workers; w++) {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(javaBin, "-XX:ActiveProcessorCount=1",
            "-Demo.threads=1", "-Xmx1g", "-cp", System.getProperty("java.class.path"),
            ShardPrepWorker.class.getName(), written.manifest().toString(), dir.toString(),
            Integer.toString(perShard), Integer.toString(w), Integer.toString(workers)));
        running.add(new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD).start());
      }
      for (Process p : running) {
        if (p.waitFor() != 0) throw new IOException("scale bench preparation worker failed");
      }
      double wall = (System.nanoTime() - t0) / 1e9;
      rate[workers - 1] = audioSeconds / wall;
      System.out.printf(Locale.ROOT, "preprocess to shards, %d worker process(es) of 1 core: %.0f audio-s in %.1f s = %.1f audio-s/s%n",
          workers, audioSeconds, wall, rate[workers - 1]);
    }
    System.out.printf(Locale.ROOT, "preparation speed-up, 2 worker processes / 1: %.2fx (target >= 1.7x)%n",
        rate[1] / rate[0]);
  }

  /** A SYNTHETIC shard folder: 6 s recordings of 40 speakers, two classes, 10 % VAL, 10 % TEST. */
  static int writeSynthetic(Path dir, double hours) throws IOException {
    int segments = (int) Math.round(hours * 3600 * 2);
    int size = PipelineConfig.small().model().imageSize();
    int mfcc = PipelineConfig.small().audio().mfccFrames();
    TaskSpec task = TaskSpec.categorical("synthetic", List.of("a", "b"));
    Random r = new Random(hours > 0 ? Double.hashCode(hours) : 1);
    try (ShardWriter w = new ShardWriter(dir, task, size, mfcc, 1, 256)) {
      for (int i = 0; i < segments; i++) {
        int rec = i / 12; // 6 s recordings
        int speaker = rec % 40;
        int cls = speaker % 2;
        Split split = speaker < 4 ? Split.TEST : speaker < 8 ? Split.VAL : Split.TRAIN;
        float[] m = new float[mfcc];
        for (int j = 0; j < mfcc; j++) m[j] = (float) Math.sin(2 * Math.PI * (cls + 1) * j / mfcc) + (r.nextFloat() - 0.5f);
        byte[] img = new byte[3 * size * size];
        r.nextBytes(img);
        for (int y = cls * size / 2; y < (cls + 1) * size / 2; y++) img[y * size] = (byte) 200;
        w.add(new SegmentFeatures("rec" + rec, "spk" + speaker, 0.5 * (i % 12), split, cls,
            Double.NaN, m, img, "original"));
      }
      w.finish();
    }
    return segments;
  }

  /** One training in a fresh JVM with this JVM's flags, so that its RSS is its own. */
  private static JsonNode child(Path dir, int steps, int buffer, String heap, Path out)
      throws Exception {
    String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd = new ArrayList<>(List.of(javaBin));
    for (String a : java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (!a.startsWith("-Xmx")) cmd.add(a);
    }
    // The bound is configuration: the heap the JVM is given (EMO_JAVA_OPTS for ./emo train,
    // EMO_WORKER_JAVA_OPTS for a worker) plus the natives.
    // With -Xmx8g (the launcher's) the JVM grows its heap with the garbage of reading shards (20 h: 2.4 GB against
    // 0.86 GB for 2 h, measured), though what is live stays the buffer, one shard and the labels.
    cmd.add("-Xmx" + heap);
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), ScaleBench.class.getName(),
        dir.toString(), Integer.toString(steps), Integer.toString(buffer), out.toString()));
    Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String stdout = new String(p.getInputStream().readAllBytes());
    if (p.waitFor() != 0) throw new IOException("scale bench child failed on " + dir + ": " + stdout);
    String last = stdout.strip().lines().reduce((a, b) -> b).orElse("{}");
    return JSON.readTree(last);
  }

  /** The child: train {@code steps} steps streamed from the shards, then one read pass. */
  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    int steps = Integer.parseInt(args[1]);
    int buffer = Integer.parseInt(args[2]);
    Path out = Path.of(args[3]);
    TaskSpec task = TaskSpec.categorical("synthetic", List.of("a", "b"));
    ShardedFeatures data = ShardedFeatures.open(dir, task, buffer);
    PipelineConfig config = PipelineConfig.small().withEpochs(1);
    class Enough extends RuntimeException {
      Enough() {
        super("step budget reached", null, false, false);
      }
    }
    try {
      Trainer.trainOn(data, config, Architecture.EMOAUDIONET, out, null, new TrainingListener() {
        @Override
        public void onStep(int epoch, int step, int stepsPerEpoch, double loss) {
          if (step % 50 == 0) System.err.printf(Locale.ROOT, "  %s: step %d/%d loss %.3f%n", dir.getFileName(), step, steps, loss);
          if (step >= steps) throw new Enough();
        }
      });
    } catch (Enough expected) {
      // the bench trains a fixed number of steps, not an epoch of a 20 h corpus
    }
    long trainRss = peakRssKb();
    long t0 = System.nanoTime();
    long n = 0;
    List<SegmentKey> all = data.labels();
    for (Iterator<List<SegmentFeatures>> it = data.pass(all, 256); it.hasNext(); ) n += it.next().size();
    double readRate = n / ((System.nanoTime() - t0) / 1e9);
    long disk;
    try (var files = Files.list(dir)) {
      disk = files.mapToLong(f -> f.toFile().length()).sum();
    }
    System.out.printf(Locale.ROOT,
        "{\"segments\": %d, \"steps\": %d, \"peak_rss_kb\": %d, \"read_peak_rss_kb\": %d, \"read_segments_per_s\": %.1f, \"disk_bytes\": %d}%n",
        all.size(), steps, trainRss, peakRssKb(), readRate, disk);
  }

  private static long peakRssKb() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmHWM:")) return Long.parseLong(line.replaceAll("\\D", ""));
    }
    return -1;
  }
}
