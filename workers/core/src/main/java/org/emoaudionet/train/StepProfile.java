package org.emoaudionet.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.jni.JniUtils;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.emoaudionet.config.PipelineConfig;
import org.emoaudionet.features.SegmentFeatures;
import org.emoaudionet.model.Devices;
import org.emoaudionet.model.EmoAudioNetBlock;
import org.emoaudionet.model.EmoAudioNetFactory;
import org.emoaudionet.spec.Architecture;

/**
 * Where one training step's time goes: PyTorch's own profiler (through DJL's JNI) records every
 * native op of one step after a warm-up; the trace (Chrome's format, open it in
 * {@code chrome://tracing} or Perfetto) is summarised by op: calls, total time and share of the
 * step. Ops nest (a convolution calls its oneDNN kernel), so shares are of the step's wall time
 * and do not add up to 100 %. Not a test; {@code ./emo bench --profile} prints it.
 */
public final class StepProfile {
  private StepProfile() {}

  /** One op's line: how often it ran in the step and its time, inclusive of the ops it called. */
  public record Op(String name, int calls, double millis) {}

  /** The summary: the step's wall time, the engine's threads, every op by time. */
  public record Result(String preset, int batch, double stepMillis, int intraOpThreads,
      int interOpThreads, int events, List<Op> ops, Path trace) {
    public String table(int top) {
      StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
          "%s, batch %d: one step %.0f ms; PyTorch threads intra-op %d, inter-op %d; %d native"
          + " op calls (each a JNI-visible dispatch); trace %s%n", preset, batch, stepMillis,
          intraOpThreads, interOpThreads, events, trace));
      sb.append(String.format(Locale.ROOT, "  %-44s %7s %10s %7s%n", "op", "calls", "ms", "step %"));
      for (Op o : ops.subList(0, Math.min(top, ops.size()))) {
        sb.append(String.format(Locale.ROOT, "  %-44s %7d %10.1f %6.1f%%%n", abbreviate(o.name()),
            o.calls(), o.millis(), 100 * o.millis() / stepMillis));
      }
      return sb.toString();
    }
  }

  /** Profiles one step of {@code batch} random segments at the preset's sizes into {@code trace}. */
  public static Result run(PipelineConfig config, int batch, Path trace) throws IOException {
    List<SegmentFeatures> data = TrainBench.randomBatch(config, batch);
    int mfcc = EmoAudioNetFactory.MFCC_LENGTH;
    try (NDManager manager = NDManager.newBaseManager(Devices.preferred())) {
      Engine.getInstance().setRandomSeed(1);
      EmoAudioNetBlock block = EmoAudioNetFactory.buildInitialized(Architecture.EMOAUDIONET,
          config.model(), TrainBench.CLASSES, mfcc, manager);
      RmsProp opt = RmsProp.builder()
          .optLearningRate(new LearningRate((float) config.train().learningRate())).build();
      Network net = new Network(block, manager, opt, LossFunction.CROSS_ENTROPY, mfcc,
          config.model().imageSize());
      TrainBench.warmUp(() -> net.train(data)); // first-call allocations, oneDNN primitives, the JIT
      JniUtils.startProfile(false, false, false);
      long t0 = System.nanoTime();
      net.train(data);
      double stepMillis = (System.nanoTime() - t0) / 1e6;
      JniUtils.stopProfile(trace.toAbsolutePath().toString());
      return summarise(config.preset(), batch, stepMillis, trace);
    }
  }

  /** Aggregates a Chrome trace's complete events ({@code "ph": "X"}) by name. */
  static Result summarise(String preset, int batch, double stepMillis, Path trace)
      throws IOException {
    JsonNode root = new ObjectMapper().readTree(trace.toFile());
    JsonNode events = root.isArray() ? root : root.path("traceEvents");
    Map<String, double[]> byName = new LinkedHashMap<>();
    int n = 0;
    for (JsonNode e : events) {
      if (!"X".equals(e.path("ph").asText()) || !e.has("dur")) continue;
      n++;
      double[] acc = byName.computeIfAbsent(e.path("name").asText(), k -> new double[2]);
      acc[0]++;
      acc[1] += e.path("dur").asDouble() / 1e3; // microseconds in the trace
    }
    List<Op> ops = new ArrayList<>();
    byName.forEach((k, v) -> ops.add(new Op(k, (int) v[0], v[1])));
    ops.sort(Comparator.comparingDouble(Op::millis).reversed());
    return new Result(preset, batch, stepMillis, JniUtils.getNumThreads(),
        JniUtils.getNumInteropThreads(), n, List.copyOf(ops), trace);
  }

  private static String abbreviate(String s) {
    return s.length() <= 44 ? s : s.substring(0, 41) + "...";
  }
}
