package org.emoaudionet.stack.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.minio.BucketExistsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.UploadObjectArgs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.emoaudionet.stack.ApiClient;
import org.emoaudionet.stack.Stack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Data-triggered retraining on the embedded stack: a DAG file with a {@code data_trigger}
 * watches an S3 prefix; copying the manifest sample there starts exactly one
 * {@code asset_triggered} run, which succeeds; nothing more while the data stays the same; one
 * more object, exactly one more run. The official Airflow client parses the runs.
 */
class DataTriggerIT {
  static final String DAG = "incoming_manifest";
  static final String PREFIX_KEY = "incoming/it/";

  @TempDir Path tmp;

  @Test
  void copyingDataUnderThePrefixStartsExactlyOneRunPerChange() throws Exception {
    Path root = PlatformFixture.repoRoot();
    PlatformFixture.requireBuilt(root);
    Path dags = Files.createDirectories(tmp.resolve("dags"));
    Files.writeString(dags.resolve(DAG + ".yaml"), """
        dag_id: incoming_manifest
        description: Manifests copied into S3
        tags: [manifest, asset]
        task: label
        layout: manifest
        preset: small
        default_conf: {epochs: 1, augment: false}
        data_trigger: {prefix: "s3://emo/incoming/it/", poll_interval: 3s}
        """);
    Path data = relativeManifest(root, tmp.resolve("data"));
    var config = PlatformFixture.config(root, tmp.resolve("home"), true).withDagsFolder(dags);
    try (Stack stack = PlatformFixture.start(config)) {
      ApiClient api = stack.apiClient();
      String bucket = stack.config().bucket();
      String prefix = "s3://" + bucket + "/" + PREFIX_KEY;
      MinioClient s3 = stack.s3().client();
      if (!s3.bucketExists(BucketExistsArgs.builder().bucket(bucket).build())) {
        s3.makeBucket(MakeBucketArgs.builder().bucket(bucket).build());
      }
      JsonNode dag = api.dag(DAG);
      assertEquals("Asset", dag.path("timetable_summary").asText(), dag.toString());
      assertTrue(dag.path("next_dagrun_run_after").isNull(), dag.toString());
      // the watcher's baseline: nothing yet; a few polls go by
      Thread.sleep(7_000);
      assertEquals(List.of(), assetRuns(api));

      List<Path> files;
      try (var walk = Files.walk(data)) {
        files = walk.filter(Files::isRegularFile).sorted().toList();
      }
      for (Path f : files) {
        s3.uploadObject(UploadObjectArgs.builder().bucket(bucket)
            .object(PREFIX_KEY + data.relativize(f).toString().replace('\\', '/'))
            .filename(f.toString()).build());
      }
      List<JsonNode> runs = awaitRuns(api, r -> r.size() >= 1, Duration.ofMinutes(2));
      JsonNode run = runs.get(0);
      String runId = run.path("dag_run_id").asText();
      assertTrue(runId.startsWith("asset_triggered__"), runId);
      assertEquals("asset", run.path("triggered_by").asText(), run.toString());
      assertTrue(run.path("logical_date").isNull(), run.toString());
      assertEquals(prefix, run.path("conf").path("dataset_uri").asText(), run.toString());
      JsonNode fin = api.await(DAG, runId, Duration.ofMinutes(4),
          p -> System.out.println("data trigger: " + p.line()));
      assertEquals("success", fin.path("state").asText(),
          fin + "\n" + api.taskInstances(DAG, runId));
      assertTrue(api.taskLog(DAG, runId, "download", 1).contains("objects"),
          "download fetched the prefix's objects");

      Thread.sleep(10_000); // three more polls of unchanged data
      assertEquals(1, assetRuns(api).size(), assetRuns(api).toString());

      Path extra = root.resolve("workers/samples/manifest/clips/spk01/spk01_02.flac");
      s3.uploadObject(UploadObjectArgs.builder().bucket(bucket)
          .object(PREFIX_KEY + "late/spk01_02.flac").filename(extra.toString()).build());
      awaitRuns(api, r -> r.size() >= 2, Duration.ofMinutes(1));
      Thread.sleep(10_000);
      List<JsonNode> after = assetRuns(api);
      assertEquals(2, after.size(), after.toString());

      // The official Airflow client parses run_type asset_triggered / triggered_by asset.
      Path script = root.resolve("infra/stack/src/test/python/airflow_client_asset_runs.py");
      Process py = new ProcessBuilder(stack.config().python().toString(), script.toString(),
          stack.config().apiUrl(), "admin", stack.adminPassword(), DAG)
          .redirectErrorStream(true).start();
      String out = new String(py.getInputStream().readAllBytes());
      System.out.println(out);
      assertEquals(0, py.waitFor(), out);
      assertEquals(2, out.lines().filter(l -> l.startsWith("ASSET_RUN ")
          && l.contains(" asset_triggered asset None")).count(), out);
    }
  }

  /** This DAG's asset-triggered runs as the API lists them. */
  static List<JsonNode> assetRuns(ApiClient api) {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode r : api.dagRuns(DAG, 100)) {
      if ("asset_triggered".equals(r.path("run_type").asText())) out.add(r);
    }
    return out;
  }

  static List<JsonNode> awaitRuns(ApiClient api, Predicate<List<JsonNode>> done, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<JsonNode> runs;
    while (!done.test(runs = assetRuns(api))) {
      assertTrue(System.nanoTime() < deadline, "no new asset_triggered run in " + timeout + ": " + runs);
      Thread.sleep(1000);
    }
    return runs;
  }

  /**
   * A few clips per label of the manifest sample, copied with a manifest whose paths are
   * relative to it, as someone would drop a data set into S3.
   */
  static Path relativeManifest(Path root, Path dir) throws Exception {
    Path samples = root.resolve("workers/samples/manifest").toAbsolutePath().normalize();
    PlatformFixture.tinyManifest(root, dir, 6);
    List<String> lines = Files.readAllLines(dir.resolve("manifest.csv"));
    List<String> out = new ArrayList<>(List.of(lines.get(0)));
    for (String line : lines.subList(1, lines.size())) {
      int comma = line.indexOf(',');
      Path audio = Path.of(line.substring(0, comma));
      String rel = samples.relativize(audio).toString().replace('\\', '/');
      Files.createDirectories(dir.resolve(rel).getParent());
      Files.copy(audio, dir.resolve(rel));
      out.add(rel + line.substring(comma));
    }
    Files.write(dir.resolve("manifest.csv"), out);
    return dir;
  }
}
