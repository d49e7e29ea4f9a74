package org.emoaudionet.features.shards;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.emoaudionet.data.Split;
import org.emoaudionet.data.TaskSpec;
import org.emoaudionet.features.FeatureSet;
import org.emoaudionet.features.SegmentFeatures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Feature shards on synthetic segments (random values, made-up names). */
class FeatureShardsTest {
  @TempDir Path tmp;

  private static FeatureSet set(int n) {
    Random r = new Random(5);
    List<SegmentFeatures> segs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      float[] m = new float[177];
      for (int j = 0; j < m.length; j++) m[j] = (float) r.nextGaussian();
      byte[] img = new byte[3 * 8 * 8];
      r.nextBytes(img);
      segs.add(new SegmentFeatures("rec-é" + i, i % 3 == 0 ? null : "spk" + (i % 2), 0.5 * i,
          i % 4 == 0 ? null : Split.values()[i % 3], i % 2, i % 2 == 0 ? Double.NaN : 0.25 * i,
          m, img, i % 2 == 0 ? "original" : "pitch:-2.0"));
    }
    return new FeatureSet(TaskSpec.categorical("label", List.of("a", "b")), 8, 177, segs);
  }

  @Test
  void everyFieldOfEverySegmentComesBackShardByShard() throws IOException {
    FeatureSet s = set(7);
    ShardIndex index = FeatureShards.write(s, tmp, 3);
    assertEquals(List.of(3, 3, 1), index.shards().stream().map(ShardIndex.Shard::segments).toList());
    assertEquals(7, FeatureShards.index(tmp).segments());
    List<SegmentFeatures> back = new ArrayList<>();
    for (int i = 0; i < index.shards().size(); i++) back.addAll(FeatureShards.read(tmp, i));
    assertEquals(7, back.size());
    for (int i = 0; i < 7; i++) {
      SegmentFeatures a = s.segments().get(i);
      SegmentFeatures b = back.get(i);
      assertEquals(a.recordingId(), b.recordingId());
      assertEquals(a.speaker(), b.speaker());
      assertEquals(a.split(), b.split());
      assertEquals(a.classIndex(), b.classIndex());
      assertEquals(a.target(), b.target(), 0.0);
      assertEquals(a.startSeconds(), b.startSeconds(), 0.0);
      assertEquals(a.origin(), b.origin());
      assertArrayEquals(a.mfcc(), b.mfcc());
      assertArrayEquals(a.image(), b.image());
    }
    assertNull(back.get(0).speaker(), "a missing speaker stays missing");
  }

  @Test
  void theSameSegmentsGiveTheSameShardBytes() throws IOException {
    ShardIndex a = FeatureShards.write(set(5), tmp.resolve("a"), 2);
    ShardIndex b = FeatureShards.write(set(5), tmp.resolve("b"), 2);
    assertEquals(a.shards(), b.shards(), "same checksums: an unchanged shard is recognised");
  }

  @Test
  void aChangedShardIsRefusedNamingTheFile() throws IOException {
    ShardIndex index = FeatureShards.write(set(4), tmp, 2);
    Path shard = tmp.resolve(index.shards().get(1).file());
    byte[] bytes = Files.readAllBytes(shard);
    Files.write(shard, java.util.Arrays.copyOf(bytes, bytes.length - 10));
    IOException e = assertThrows(IOException.class, () -> FeatureShards.read(tmp, 1));
    assertTrue(e.getMessage().contains("shard-00001.npz") && e.getMessage().contains("sha256"),
        e.getMessage());
    assertEquals(2, FeatureShards.read(tmp, 0).size(), "the other shard still reads");
  }

  @Test
  void numpyReadsTheShards() throws Exception {
    // the platform's Python (./emo test makes it; numpy comes with MLflow)
    String py = System.getenv().getOrDefault("EMO_PYTHON", "../../.emo/venv/bin/python");
    assumeTrue(Files.isExecutable(Path.of(py)), "no Python at " + py);
    ShardIndex index = FeatureShards.write(set(3), tmp, 3);
    Process p = new ProcessBuilder(py, "-c", String.join("\n",
        "import json, sys, numpy as np",
        "z = np.load(sys.argv[1])",
        "print(json.dumps({'mfcc': list(z['mfcc'].shape), 'image': list(z['image'].shape),",
        "  'dtype': str(z['image'].dtype), 'rec': z['recording_id'].tolist(),",
        "  'split': z['split'].tolist(), 'cls': z['class_index'].tolist(),",
        "  'm00': float(z['mfcc'][0, 0])}))"),
        tmp.resolve(index.shards().get(0).file()).toString()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), out);
    assertTrue(out.contains("\"mfcc\": [3, 177]") && out.contains("\"image\": [3, 3, 8, 8]")
        && out.contains("\"dtype\": \"uint8\"") && out.contains("\"cls\": [0, 1, 0]"), out);
    assertTrue(out.contains("rec-\\u00e90") && out.contains("\"split\": [\"\", \"VAL\", \"TEST\"]"), out);
    float m00 = set(3).segments().get(0).mfcc()[0];
    assertTrue(out.contains("\"m00\": " + (double) m00), out + " vs " + (double) m00);
  }

  @Test
  void aStreamedPassGivesEveryKeptSegmentOnceInASeededOrderWithBoundedMemory() throws IOException {
    FeatureShards.write(set(23), tmp, 4); // 6 shards: 4, 4, 4, 4, 4, 3
    List<String> first = pass(tmp, 99);
    List<String> kept = set(23).segments().stream().filter(x -> x.split() != Split.TEST)
        .map(x -> x.recordingId()).sorted().toList();
    assertEquals(kept, first.stream().sorted().toList(), "each kept segment exactly once");
    assertEquals(first, pass(tmp, 99), "the same seed streams the same batches");
    assertTrue(!first.equals(pass(tmp, 100)), "another seed, another order");
    ShardStream s = new ShardStream(tmp, 3, 6, 1, x -> true);
    int batches = 0;
    while (s.hasNext()) {
      int n = s.next().size();
      assertTrue(n == 3 || !s.hasNext(), "only the last batch may be short");
      batches++;
    }
    assertEquals(8, batches); // 23 segments in batches of 3
    assertTrue(s.peakBuffered() <= 6 + 4, "buffer plus one shard at most: " + s.peakBuffered());
  }

  private static List<String> pass(Path dir, long seed) throws IOException {
    List<String> ids = new ArrayList<>();
    ShardStream s = new ShardStream(dir, 3, 6, seed, x -> x.split() != Split.TEST);
    while (s.hasNext()) s.next().forEach(x -> ids.add(x.recordingId()));
    return ids;
  }
}
