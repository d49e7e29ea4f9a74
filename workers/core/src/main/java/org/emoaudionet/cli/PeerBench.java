package org.emoaudionet.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.emoaudionet.config.PipelineConfig;
import org.emoaudionet.train.TrainBench;

/**
 * The peers of {@code ./emo bench --peers}: {@code infra/bench/reference/peers_bench.py} in its
 * own venv (PyTorch eager, PyTorch channels-last, Keras/TensorFlow), given the preset's sizes from
 * its YAML and the same batches, steps and threads as ours, one process per peer and preset.
 */
final class PeerBench {
  /** One peer's figures for one preset. */
  record Figures(String framework, String version, double trainSamplesPerSecond,
      double inferSamplesPerSecond) {}

  /** The feature peer's milliseconds per 2.5 s segment (features_peer.py). */
  record FeatureFigures(String framework, String version, double mfccMillis, double imageMillis,
      double bothMillis) {}

  /** The variants, as peers_bench.py's flags. */
  static final List<List<String>> VARIANTS = List.of(
      List.of("--framework", "torch"),
      List.of("--framework", "torch", "--channels-last"),
      List.of("--framework", "keras"));

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path python;
  private final Path script;
  private final int threads;

  PeerBench(Path python, Path script, int threads) {
    this.python = python;
    this.script = script;
    this.threads = threads;
  }

  /** Where {@code ./emo} put the venv and the script; a clear error when they are missing. */
  static PeerBench fromEnvironment(int threads) {
    String home = System.getenv().getOrDefault("EMO_HOME", ".emo");
    Path python = Path.of(System.getenv().getOrDefault("EMO_PEERS_PYTHON",
        home + "/peers-venv/bin/python"));
    Path script = Path.of(System.getenv().getOrDefault("EMO_PEERS_SCRIPT",
        "infra/bench/reference/peers_bench.py"));
    if (!Files.isExecutable(python)) {
      throw new IllegalStateException("no peer venv at " + python + ": run"
          + " infra/bench/reference/setup-peers-venv.sh (./emo bench --peers does)");
    }
    if (!Files.isRegularFile(script)) {
      throw new IllegalStateException("no peer script at " + script + " (set EMO_PEERS_SCRIPT)");
    }
    return new PeerBench(python, script, threads);
  }

  /** Every variant on {@code config}; a peer that fails is reported and left out, not fatal. */
  List<Figures> run(PipelineConfig config, int trainBatch, int trainSteps, int inferBatch,
      int inferSteps) {
    List<Figures> out = new ArrayList<>();
    for (List<String> variant : VARIANTS) {
      List<String> cmd = new ArrayList<>(List.of(python.toString(), script.toString()));
      cmd.addAll(variant);
      cmd.addAll(List.of("--preset", config.preset(),
          "--image-size", String.valueOf(config.model().imageSize()),
          "--channels", String.valueOf(config.model().channels()),
          "--dropout", String.valueOf(config.model().dropout()),
          "--classes", String.valueOf(TrainBench.CLASSES),
          "--train-batch", String.valueOf(trainBatch), "--train-steps", String.valueOf(trainSteps),
          "--infer-batch", String.valueOf(inferBatch), "--infer-steps", String.valueOf(inferSteps),
          "--threads", String.valueOf(threads),
          "--learning-rate", String.valueOf(config.train().learningRate())));
      try {
        out.add(one(cmd));
      } catch (IOException | RuntimeException e) {
        System.out.println("  peer " + String.join(" ", variant) + " on " + config.preset()
            + " failed: " + e.getMessage());
      }
    }
    return out;
  }

  /**
   * features_peer.py (beside the network peers' script) on {@code audioSeconds} of segments at
   * {@code imageSize} px, one thread.
   */
  FeatureFigures features(double audioSeconds, int imageSize) throws IOException {
    Path featureScript = script.resolveSibling("features_peer.py");
    JsonNode j = lastJsonLine(List.of(python.toString(), featureScript.toString(),
        "--audio-seconds", String.valueOf(audioSeconds), "--image-size", String.valueOf(imageSize)));
    return new FeatureFigures(j.path("framework").asText(), j.path("version").asText(),
        j.path("mfcc_ms").asDouble(), j.path("image_ms").asDouble(), j.path("both_ms").asDouble());
  }

  private static Figures one(List<String> cmd) throws IOException {
    JsonNode j = lastJsonLine(cmd);
    return new Figures(j.path("framework").asText(), j.path("version").asText(),
        j.path("train_samples_per_s").asDouble(), j.path("infer_samples_per_s").asDouble());
  }

  /** Runs {@code cmd}; its last stdout line as JSON, or its exit status and last stderr lines. */
  private static JsonNode lastJsonLine(List<String> cmd) throws IOException {
    Path log = Files.createTempFile("emo-peer", ".log");
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(false)
          .redirectError(log.toFile()).start();
      String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      int rc = p.waitFor();
      if (rc != 0) {
        List<String> err = Files.readAllLines(log);
        throw new IOException("exit " + rc + ": "
            + String.join(" | ", err.subList(Math.max(0, err.size() - 3), err.size())));
      }
      String last = stdout.strip().lines().reduce((a, b) -> b).orElse("");
      return JSON.readTree(last);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } finally {
      Files.deleteIfExists(log);
    }
  }

  static String ratio(double ours, double best) {
    return best > 0 ? String.format(Locale.ROOT, "%.2f", ours / best) : "n/a";
  }
}
