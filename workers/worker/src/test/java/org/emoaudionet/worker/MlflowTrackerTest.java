package org.emoaudionet.worker;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.emoaudionet.data.Split;
import org.emoaudionet.features.FeatureSet;
import org.emoaudionet.mlflow.MlflowHttp;
import org.emoaudionet.mlflow.ModelVersion;
import org.emoaudionet.workflows.activity.FeaturesRef;
import org.emoaudionet.workflows.activity.StartRunInput;
import org.emoaudionet.workflows.conf.RunConf;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlflow.api.proto.Service.Metric;
import org.mlflow.api.proto.Service.Run;
import org.emoaudionet.mlflow.RunInfo;
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
      assertEquals(run.runId(), t.startRun("audio_manifest_classification", "manual__1", "wf/1",
          TrackingActivitiesImpl.params(conf)).runId());

      Map<String, Double> epoch = new LinkedHashMap<>();
      epoch.put("train_loss", 0.9);
      epoch.put("val_accuracy", 0.5);
      t.logMetrics(run.runId(), epoch, 1);
      t.logMetrics(run.runId(), Map.of("val_accuracy", 0.75), 2);
      t.setTags(run.runId(), Map.of("emo.model_uri", "s3://emo/runs/x/model.tar.gz"));

      Path f = Files.writeString(dir.resolve("metrics.json"), "{\"test\":{\"accuracy\":0.75}}");
      t.logArtifact(run.runId(), f, "metrics.json");
      Path model = Files.createDirectories(dir.resolve("model/sub"));
      Files.writeString(model.resolve("w.bin"), "synthetic weights");
      assertEquals(1, t.logArtifacts(run.runId(), dir.resolve("model"), "model"));
      assertTrue(t.listArtifacts(run.runId(), "").contains("metrics.json"));
      assertEquals(List.of("model/sub"), t.listArtifacts(run.runId(), "model"));

      String v1 = t.registerModel("emoaudionet-audio_manifest_classification", run.runId());
      assertEquals("1", v1);
      assertEquals("1", t.registerModel("emoaudionet-audio_manifest_classification",
          run.runId()), "a retried register finds its version");
      t.endRun(run.runId(), "FINISHED");

      MlflowClient c = new MlflowClient(server.uri);
      Run got = c.getRun(run.runId());
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
          + run.runId() + "/artifacts/metrics.json"));
    }
  }

  /**
   * What makes MLflow 3 see a run as model training: the experiment's kind, who and what ran it,
   * the datasets it read, the model it logged (READY, with MLmodel, signature and input example),
   * the version made from that model, metrics linked to the model, and system metrics.
   */
  @Test
  void loggedModelDatasetsSystemMetricsAndKind() throws Exception {
    try (MlflowTracker t = new MlflowTracker(server.uri)) {
      MlflowClient c = new MlflowClient(server.uri);
      // an experiment from before the kind tag gets it; a new one is made with it and a note
      String old = c.createExperiment("made_without_kind");
      assertEquals(old, t.experimentId("made_without_kind"));
      assertEquals("custom_model_development",
          t.experimentTags(old).get("mlflow.experimentKind"));
      String exp = t.experimentId("kinds", "Speech emotion, 4 classes");
      assertEquals("custom_model_development", t.experimentTags(exp).get("mlflow.experimentKind"));
      assertEquals("Speech emotion, 4 classes", t.experimentTags(exp).get("mlflow.note.content"));

      RunConf conf = new RunConf("manifest", "s3://corpora/emo-sample.tar.gz", "label", "small",
          "speaker", 1, 7L, false, null, "emoaudionet", null, Map.of());
      StartRunInput start = new StartRunInput("kinds", "manual__k", "kinds/manual__k", conf,
          null, "alice", "first try of the *small* preset");
      Map<String, String> source = TrackingActivitiesImpl.sourceTags(start,
          "dags/kinds.yaml", null);
      RunInfo run = t.startRun("kinds", "manual__k", "kinds/manual__k", Map.of("train.seed", "7"),
          source);
      String runId = run.runId();
      assertEquals("alice", run.userId());
      Map<String, String> tags = t.runTags(runId);
      assertEquals("alice", tags.get("mlflow.user"));
      assertEquals("JOB", tags.get("mlflow.source.type"));
      assertEquals("dags/kinds.yaml", tags.get("mlflow.source.name"));
      assertEquals("first try of the *small* preset", tags.get("mlflow.note.content"));

      // dataset inputs: one per non-empty split, digests the feature cache key's
      FeatureSet data = SyntheticFeatures.twoClasses(30, 3);
      String cacheKey = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
      FeaturesRef features = new FeaturesRef("cache/preprocess/" + cacheKey + ".emof",
          "s3://emo/cache/preprocess/" + cacheKey + ".emof", cacheKey, false,
          data.segments().size(), "", 1);
      t.logInputs(runId, RunDatasets.inputs(data, features, conf.datasetUri(), Split.TRAIN,
          Split.VAL));
      t.logInputs(runId, RunDatasets.inputs(data, features, conf.datasetUri(), Split.TEST));
      t.logInputs(runId, RunDatasets.inputs(data, features, conf.datasetUri(), Split.TEST));
      Map<String, JsonNode> inputs = datasetInputs(t.runJson(runId));
      assertEquals(Set.of("training", "validation", "test"), inputs.keySet(),
          "a second log of the test split adds nothing");
      JsonNode test = inputs.get("test");
      assertEquals("emo-sample/test", test.path("name").asText());
      assertEquals(cacheKey.substring(0, 36), test.path("digest").asText());
      assertEquals("s3", test.path("source_type").asText());
      assertEquals("s3://corpora/emo-sample.tar.gz",
          MlflowHttp.JSON.readTree(test.path("source").asText()).path("uri").asText());
      JsonNode profile = MlflowHttp.JSON.readTree(test.path("profile").asText());
      assertEquals(data.split(Split.TEST).size(), profile.path("segments").asInt());
      assertEquals(data.split(Split.TEST).size(), profile.path("recordings").asInt());
      assertEquals(cacheKey, profile.path("feature_cache_key").asText());
      assertTrue(test.path("schema").asText().contains("mlflow_tensorspec"));

      // the model: the Keras fixture's files, MLmodel, the example; READY; an output of the run
      ModelLogger logger = new ModelLogger(t);
      TaskLog log = new TaskLog("train", "kinds", "manual__k", 1);
      Path fixture = ImportModelActivityTest.fixture();
      LoggedModels.LoggedModel m = logger.log(runId, fixture, data,
          Files.createDirectories(dir.resolve("scratch-1")), Map.of("emo.model_uri", "s3://x"),
          log);
      assertTrue(m.ready(), m.status());
      assertEquals(runId, m.sourceRunId());
      assertEquals("keras-savedmodel", m.tags().get("emo.model_format"));
      assertEquals("7", m.params().get("train.seed"), "the run's params, as log_model copies");
      List<String> files = t.loggedModels().listArtifacts(m, "");
      assertTrue(files.containsAll(List.of("MLmodel", "input_example.json",
          "serving_input_example.json", "keras.json", "saved_model.pb", "variables")),
          files.toString());
      Map<String, Object> mlmodel = MlmodelFile.read(t.loggedModels().readArtifact(m, "MLmodel"));
      assertEquals(m.modelId(), mlmodel.get("model_id"));
      assertEquals(runId, mlmodel.get("run_id"));
      @SuppressWarnings("unchecked")
      Map<String, Object> flavor = (Map<String, Object>) ((Map<String, Object>)
          mlmodel.get("flavors")).get("emoaudionet");
      assertEquals("keras-savedmodel", flavor.get("model_format"));
      assertEquals(List.of("angry", "happy", "neutral", "sad"), flavor.get("classes"));
      @SuppressWarnings("unchecked")
      Map<String, Object> signature = (Map<String, Object>) mlmodel.get("signature");
      JsonNode in = MlflowHttp.JSON.readTree((String) signature.get("inputs"));
      assertEquals("mfcc", in.get(0).path("name").asText());
      assertEquals("[-1,1,177]", in.get(0).path("tensor-spec").path("shape").toString());
      assertEquals("[-1,3,64,64]", in.get(1).path("tensor-spec").path("shape").toString());
      assertEquals("float32", in.get(1).path("tensor-spec").path("dtype").asText());
      JsonNode out = MlflowHttp.JSON.readTree((String) signature.get("outputs"));
      assertEquals("[-1,4]", out.get(0).path("tensor-spec").path("shape").toString());
      JsonNode example = MlflowHttp.JSON.readTree(
          t.loggedModels().readArtifact(m, "input_example.json"));
      assertEquals(177, example.path("mfcc").get(0).get(0).size());
      assertEquals(data.split(Split.TEST).get(0).mfcc()[5],
          (float) example.path("mfcc").get(0).get(0).get(5).asDouble(), "a real TEST segment");
      assertEquals(64, example.path("spectrogram").get(0).get(2).get(63).size());
      JsonNode outputs = t.runJson(runId).path("outputs").path("model_outputs");
      assertEquals(m.modelId(), outputs.get(0).path("model_id").asText());
      // a retried train reuses the model and links it once
      assertEquals(m.modelId(), logger.log(runId, fixture, data,
          Files.createDirectories(dir.resolve("scratch-2")), Map.of(), log).modelId());
      assertEquals(1, t.runJson(runId).path("outputs").path("model_outputs").size());

      // figures of the model on the test dataset, and the version made from the model
      t.logModelMetrics(runId, Map.of("test_accuracy", 0.625), 0, m.modelId(),
          "emo-sample/test", RunDatasets.digest(features));
      JsonNode metric = new org.emoaudionet.mlflow.MlflowClient(server.uri).http().get("/api/2.0/mlflow/logged-models/"
          + m.modelId()).path("model").path("data").path("metrics").get(0);
      assertEquals("test_accuracy", metric.path("key").asText());
      assertEquals("emo-sample/test", metric.path("dataset_name").asText());
      assertEquals(0.625, t.runMetrics(runId).get("test_accuracy"));
      String v = t.registerModel("emoaudionet-kinds", runId, m, "a description",
          Map.of("test_accuracy", "0.6250"));
      ModelVersion version = t.modelVersion("emoaudionet-kinds", v);
      assertEquals(m.artifactUri(), version.source());
      // MLflow 3.17's SQL registry keeps no model_id column: the server records model_id by
      // tagging the logged model with its versions, which is what the UI's model page reads
      assertEquals("[{\"name\": \"emoaudionet-kinds\", \"version\": " + v + "}]",
          t.loggedModels().get(m.modelId()).tags().get("mlflow.modelVersions"));
      assertEquals("a description", version.description());
      assertEquals(Map.of("test_accuracy", "0.6250"), version.tags());
      t.setModelVersionTags("emoaudionet-kinds", v, Map.of("emo.champion.decision", "kept"));
      assertEquals("kept", t.modelVersion("emoaudionet-kinds", v).tags()
          .get("emo.champion.decision"));

      // system metrics: a sample at once, every interval, one at the end
      SystemMetrics sampler = new SystemMetrics(dir, 0);
      SystemMetricsMonitor monitor = SystemMetricsMonitor.start(t, runId, sampler,
          Duration.ofMillis(200), log);
      Thread.sleep(700);
      monitor.close();
      int samples = monitor.logged();
      assertTrue(samples >= 3, samples + " samples");
      List<Metric> memory = c.getMetricHistory(runId, "system/system_memory_usage_megabytes");
      assertEquals(samples, memory.size());
      assertTrue(memory.get(0).getValue() > 0);
      List<Metric> cpu = c.getMetricHistory(runId, "system/cpu_utilization_percentage");
      assertFalse(cpu.isEmpty());
      for (Metric x : cpu) assertTrue(x.getValue() >= 0 && x.getValue() <= 100, "cpu " + x);
      assertEquals(samples - 1, t.lastStep(runId, "system/"));
      assertTrue(log.text().contains(samples + " system metric samples logged"), log.text());
    }
  }

  /** The run's dataset inputs by their context tag. */
  static Map<String, JsonNode> datasetInputs(JsonNode run) {
    Map<String, JsonNode> out = new java.util.TreeMap<>();
    for (JsonNode d : run.path("inputs").path("dataset_inputs")) {
      for (JsonNode tag : d.path("tags")) {
        if (tag.path("key").asText().equals("mlflow.data.context")) {
          out.put(tag.path("value").asText(), d.path("dataset"));
        }
      }
    }
    return out;
  }
}
