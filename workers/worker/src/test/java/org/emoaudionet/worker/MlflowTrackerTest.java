package org.emoaudionet.worker;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.emoaudionet.workflows.RunConf;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlflow.api.proto.Service.Run;
import org.mlflow.api.proto.Service.RunInfo;
import org.mlflow.api.proto.Service.RunStatus;
import org.mlflow.tracking.MlflowClient;

/** MlflowTracker against a real MLflow server whose artifacts go to a real S3 server. */
class MlflowTrackerTest {
  static S3ProxyFixture s3;
  static MlflowServerFixture server;
  @TempDir static Path dir;

  @BeforeAll
  static void start() throws Exception {
    s3 = new S3ProxyFixture();
    server = new MlflowServerFixture(s3, dir);
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) server.close();
    if (s3 != null) s3.close();
  }

  @Test
  void runParamsMetricsTagsArtifactsAndRegistry() throws Exception {
    RunConf conf = new RunConf("manifest", "/data/x", "label", "small", "speaker", 2, 7L, true,
        null, "emoaudionet", null, Map.of());
    try (MlflowTracker t = new MlflowTracker(server.uri)) {
      RunInfo run = t.startRun("audio_manifest_classification", "manual__1", "wf/1",
          TrackingActivitiesImpl.params(conf));
      // a retried start finds the same run
      assertEquals(run.getRunId(), t.startRun("audio_manifest_classification", "manual__1", "wf/1",
          TrackingActivitiesImpl.params(conf)).getRunId());

      Map<String, Double> epoch = new LinkedHashMap<>();
      epoch.put("train_loss", 0.9);
      epoch.put("val_accuracy", 0.5);
      t.logMetrics(run.getRunId(), epoch, 1);
      t.logMetrics(run.getRunId(), Map.of("val_accuracy", 0.75), 2);
      t.setTags(run.getRunId(), Map.of("emo.model_uri", "s3://emo/runs/x/model.tar.gz"));

      Path f = Files.writeString(dir.resolve("metrics.json"), "{\"test\":{\"accuracy\":0.75}}");
      t.logArtifact(run.getRunId(), f, "metrics.json");
      Path model = Files.createDirectories(dir.resolve("model/sub"));
      Files.writeString(model.resolve("w.bin"), "synthetic weights");
      assertEquals(1, t.logArtifacts(run.getRunId(), dir.resolve("model"), "model"));
      assertTrue(t.listArtifacts(run.getRunId(), "").contains("metrics.json"));
      assertEquals(List.of("model/sub"), t.listArtifacts(run.getRunId(), "model"));

      String v1 = t.registerModel("emoaudionet-audio_manifest_classification", run.getRunId());
      assertEquals("1", v1);
      assertEquals("1", t.registerModel("emoaudionet-audio_manifest_classification",
          run.getRunId()), "a retried register finds its version");
      t.endRun(run.getRunId(), "FINISHED");

      MlflowClient c = new MlflowClient(server.uri);
      Run got = c.getRun(run.getRunId());
      assertEquals(RunStatus.FINISHED, got.getInfo().getStatus());
      assertEquals("manual__1", got.getInfo().getRunName());
      Map<String, String> params = new LinkedHashMap<>();
      got.getData().getParamsList().forEach(p -> params.put(p.getKey(), p.getValue()));
      assertEquals("2", params.get("train.maxEpochs"));
      assertEquals("7", params.get("train.seed"));
      assertEquals("manifest", params.get("conf.layout"));
      Map<String, String> tags = new LinkedHashMap<>();
      got.getData().getTagsList().forEach(x -> tags.put(x.getKey(), x.getValue()));
      assertEquals("wf/1", tags.get("temporal.workflow_id"));
      assertEquals("audio_manifest_classification", tags.get("emo.dag_id"));
      assertEquals("s3://emo/runs/x/model.tar.gz", tags.get("emo.model_uri"));
      assertEquals(0.75, got.getData().getMetricsList().stream()
          .filter(m -> m.getKey().equals("val_accuracy")).findFirst().orElseThrow().getValue());
      assertEquals("audio_manifest_classification",
          c.getExperiment(got.getInfo().getExperimentId()).getName());
      // the artifact really went to the S3 server behind MLflow's proxy
      assertTrue(s3.store("mlflow").exists(got.getInfo().getExperimentId() + "/"
          + run.getRunId() + "/artifacts/metrics.json"));
    }
  }
}
