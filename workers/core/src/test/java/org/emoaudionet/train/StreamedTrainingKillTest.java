package org.emoaudionet.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.emoaudionet.features.shards.FeatureShards;
import org.emoaudionet.features.shards.ShardedFeatures;
import org.emoaudionet.spec.Architecture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Streamed training killed with SIGKILL ({@code kill -9}: no shutdown hook, no finally) in epoch
 * 2, then started again on the same folder: it resumes after epoch 1's checkpoint and ends with
 * the history of a run never interrupted, epoch for epoch (SYNTHETIC segments from shards).
 */
class StreamedTrainingKillTest {
  static {
    TestEngine.singleThreaded();
  }

  @TempDir Path tmp;

  private Process child(Path shards, Path out, boolean stall) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      // the same engine flags as this JVM (threads, offline natives), not its debug agents
      if (a.startsWith("-D") || a.startsWith("-Xmx")) cmd.add(a);
    }
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path"),
        StreamedTrainingChild.class.getName(), shards.toString(), out.toString()));
    if (stall) cmd.add("stall");
    return new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
  }

  @Test
  void aRunKilledWithSigkillResumesFromItsCheckpointExactly() throws Exception {
    Path shards = tmp.resolve("shards");
    FeatureShards.write(ShardedTrainingTest.DATA, shards, ShardedTrainingTest.PER_SHARD);
    TrainResult uninterrupted = Trainer.trainOn(
        ShardedFeatures.open(shards, ShardedTrainingTest.DATA.task(), ShardedTrainingTest.BUFFER),
        ShardedTrainingTest.CONFIG, Architecture.EMOAUDIONET, tmp.resolve("a"), null, null);

    Path out = tmp.resolve("killed");
    Process first = child(shards, out, true);
    try (BufferedReader r = new BufferedReader(new InputStreamReader(first.getInputStream()))) {
      String line;
      while ((line = r.readLine()) != null && !line.equals("CHECKPOINT 1")) {
        // epoch 1 still training
      }
      assertEquals("CHECKPOINT 1", line, "the child ended before its first checkpoint");
      first.destroyForcibly(); // SIGKILL on Linux
    }
    assertTrue(first.waitFor(60, TimeUnit.SECONDS));
    assertEquals(137, first.exitValue(), "killed by signal 9");

    Process second = child(shards, out, false);
    List<String> lines = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(second.getInputStream()))) {
      for (String line; (line = r.readLine()) != null; ) lines.add(line);
    }
    assertEquals(0, second.waitFor(), String.join("\n", lines));
    assertTrue(lines.contains("RESUMED 1"), lines.toString());
    assertTrue(!lines.contains("CHECKPOINT 1"), "epoch 1 was not trained again: " + lines);
    List<String> expected = new ArrayList<>();
    for (EpochMetrics m : uninterrupted.history()) expected.add("EPOCH " + m);
    assertEquals(expected, lines.stream().filter(l -> l.startsWith("EPOCH ")).toList());
  }
}
