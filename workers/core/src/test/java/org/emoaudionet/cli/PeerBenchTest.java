package org.emoaudionet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.emoaudionet.config.PipelineConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The peer runner against a stand-in peer (a shell script, not PyTorch or Keras): it passes the
 * preset's sizes, reads the peer's JSON line, and leaves out a peer that fails, saying why.
 */
class PeerBenchTest {
  @TempDir Path tmp;

  @Test
  void readsEachPeersLineAndPassesThePresetsSizes() throws Exception {
    Path args = tmp.resolve("args.txt");
    Path peer = tmp.resolve("peer.sh");
    Files.writeString(peer, "echo \"$@\" >> " + args + "\n"
        + "echo 'some log line'\n"
        + "echo '{\"framework\": \"stand-in\", \"version\": \"1\", \"train_samples_per_s\": 12.5,"
        + " \"infer_samples_per_s\": 40}'\n");
    PeerBench bench = new PeerBench(Path.of("/bin/sh"), peer, 2);
    List<PeerBench.Figures> got = bench.run(PipelineConfig.small(), 32, 3, 32, 2);
    assertEquals(PeerBench.VARIANTS.size(), got.size());
    assertEquals(12.5, got.get(0).trainSamplesPerSecond());
    assertEquals(40.0, got.get(0).inferSamplesPerSecond());
    String passed = Files.readString(args);
    assertTrue(passed.contains("--image-size 64 --channels 16"), passed);
    assertTrue(passed.contains("--train-batch 32 --train-steps 3"), passed);
    assertTrue(passed.contains("--channels-last"), passed);
  }

  @Test
  void aFailingPeerIsLeftOutWithItsLastWords() throws Exception {
    Path peer = tmp.resolve("broken.sh");
    Files.writeString(peer, "echo 'ModuleNotFoundError: torch' >&2\nexit 3\n");
    PrintStream out = System.out;
    ByteArrayOutputStream seen = new ByteArrayOutputStream();
    System.setOut(new PrintStream(seen, true, StandardCharsets.UTF_8));
    List<PeerBench.Figures> got;
    try {
      got = new PeerBench(Path.of("/bin/sh"), peer, 2).run(PipelineConfig.small(), 32, 1, 32, 1);
    } finally {
      System.setOut(out);
    }
    assertTrue(got.isEmpty());
    String said = seen.toString(StandardCharsets.UTF_8);
    assertTrue(said.contains("exit 3") && said.contains("ModuleNotFoundError: torch"), said);
  }

  @Test
  void theFeaturePeerIsTheScriptBesideTheNetworkPeersAndGetsTheSameSegments() throws Exception {
    Path args = tmp.resolve("feature-args.txt");
    Files.writeString(tmp.resolve("features_peer.py"), "echo \"$@\" >> " + args + "\n"
        + "echo '{\"framework\": \"stand-in-features\", \"version\": \"2\", \"mfcc_ms\": 7.5,"
        + " \"image_ms\": 12.5, \"both_ms\": 20}'\n");
    PeerBench bench = new PeerBench(Path.of("/bin/sh"), tmp.resolve("peers_bench.py"), 1);
    PeerBench.FeatureFigures f = bench.features(30, 224);
    assertEquals("stand-in-features", f.framework());
    assertEquals(7.5, f.mfccMillis());
    assertEquals(12.5, f.imageMillis());
    assertEquals(20.0, f.bothMillis());
    String passed = Files.readString(args);
    assertTrue(passed.contains("--audio-seconds 30.0 --image-size 224"), passed);
  }

  @Test
  void theRatioIsOursOverTheFastestPeer() {
    assertEquals("0.50", PeerBench.ratio(50, 100));
    assertEquals("n/a", PeerBench.ratio(50, 0));
  }
}
