package org.emoaudionet.worker;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.testing.TestActivityEnvironment;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.emoaudionet.config.PipelineConfig;
import org.emoaudionet.features.FeatureSet;
import org.emoaudionet.metrics.Evaluator;
import org.emoaudionet.model.ModelCompatibility;
import org.emoaudionet.model.ScoringModel;
import org.emoaudionet.model.ScoringModels;
import org.emoaudionet.pipeline.CorpusLoader;
import org.emoaudionet.pipeline.DatasetUri;
import org.emoaudionet.pipeline.Preprocessor;
import org.emoaudionet.pipeline.ProgressListener;
import org.emoaudionet.spec.Architecture;
import org.emoaudionet.train.Trainer;
import org.emoaudionet.train.TrainingListener;
import org.emoaudionet.workflows.activity.FeaturesRef;
import org.emoaudionet.workflows.activity.PromoteActivity;
import org.emoaudionet.workflows.activity.PromoteInput;
import org.emoaudionet.workflows.activity.PromoteOutput;
import org.emoaudionet.workflows.activity.S3Keys;
import org.emoaudionet.workflows.conf.RunConf;
import org.emoaudionet.workflows.dag.ChampionPolicy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlflow.api.proto.Service.Metric;
import org.mlflow.api.proto.Service.Run;
import org.mlflow.tracking.MlflowClient;

/**
 * Champion promotion, all real: S3Proxy, an MLflow server, two models the core trains on the
 * bundled 4-class manifest sample (small preset): a "better" one trained for some epochs and a
 * "worse" one that took one epoch at a learning rate too small to move its initial weights. The
 * activity runs in Temporal's activity test environment (heartbeats, attempt numbers). Sequence:
 * v1 worse becomes champion (none before), v2 better takes the alias, v3 worse does not.
 */
class PromoteActivityTest {
  static final String DAG = "audio_manifest_classification";
  static final String NAME = MlflowTracker.registeredModelName(DAG);
  static final ChampionPolicy F1 = new ChampionPolicy("test_f1_macro", true);
  static final ObjectMapper JSON = new ObjectMapper();

  static S3ProxyFixture s3;
  static MlflowServerFixture mlflow;
  static TestActivityEnvironment env;
  @TempDir static Path tmp;

  @AfterAll
  static void stop() throws Exception {
    if (env != null) env.close();
    if (mlflow != null) mlflow.close();
    if (s3 != null) s3.close();
  }

  static Path manifest() {
    for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
      Path m = d.resolve("workers/samples/manifest/manifest.csv");
      if (Files.isRegularFile(m)) return m;
    }
    throw new IllegalStateException("workers/samples/manifest/manifest.csv not found above "
        + Path.of("").toAbsolutePath());
  }

  /** A model the way train leaves it: in S3 and as MLflow artifact, tagged, then registered. */
  record Candidate(String runId, String version, String modelKey, Map<String, Double> metrics) {}

  static Candidate register(MlflowTracker t, ArtifactStore store, String dagRunId, Path modelDir,
      Map<String, Double> metrics) throws Exception {
    String runId = t.startRun(DAG, dagRunId, DAG + "/" + dagRunId, Map.of()).runId();
    String key = S3Keys.model(DAG, dagRunId);
    store.putDir(key, modelDir);
    t.logArtifacts(runId, modelDir, "model");
    t.setTags(runId, Map.of(RunTags.MODEL_URI, store.uri(key)));
    t.logMetrics(runId, metrics, 0);
    return new Candidate(runId, t.registerModel(NAME, runId), key, metrics);
  }

  static Map<String, Double> evaluate(Path modelDir, FeatureSet data, Path out) throws Exception {
    try (ScoringModel m = ScoringModels.load(modelDir)) {
      return TestMetrics.of(
          Evaluator.evaluate(m, data, "speaker", List.of(), false, out).scalars());
    }
  }

  static String alias(String name) throws Exception {
    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
        mlflow.uri + "/api/2.0/mlflow/registered-models/alias?name="
            + URLEncoder.encode(name, StandardCharsets.UTF_8) + "&alias=champion")).build(),
        HttpResponse.BodyHandlers.ofString());
    // MLflow 3: 400 "Registered model alias champion not found."; 404 when the model is missing
    if (r.statusCode() == 404 || r.body().contains("alias champion not found")) return null;
    assertEquals(200, r.statusCode(), r.body());
    return JSON.readTree(r.body()).at("/model_version/version").asText();
  }

  static Map<String, String> tags(Run run) {
    Map<String, String> m = new TreeMap<>();
    run.getData().getTagsList().forEach(t -> m.put(t.getKey(), t.getValue()));
    return m;
  }

  static Double metric(Run run, String key) {
    return run.getData().getMetricsList().stream().filter(m -> m.getKey().equals(key))
        .map(Metric::getValue).findFirst().orElse(null);
  }

  @Test
  void worseFirstBecomesChampionBetterTakesTheAliasWorseAgainDoesNot() throws Exception {
    Assumptions.assumeTrue(MlflowServerFixture.findPython() != null,
        "no Python with mlflow (EMO_PYTHON or <repo>/.emo/venv)");
    s3 = new S3ProxyFixture();
    mlflow = new MlflowServerFixture(s3, tmp);
    WorkerConfig c = WorkerConfig.fromEnv(Map.of("EMO_S3_ENDPOINT", s3.endpoint,
        "EMO_S3_ACCESS_KEY", S3ProxyFixture.ACCESS, "EMO_S3_SECRET_KEY", S3ProxyFixture.SECRET,
        "EMO_MLFLOW_URI", mlflow.uri, "EMO_WORK_DIR", tmp.resolve("work").toString()));
    WorkerContext ctx = WorkerContext.from(c);
    ArtifactStore store = ArtifactStore.from(c);

    // the test set every version is judged on: this run's features, in S3 as preprocess leaves them
    Path csv = manifest();
    RunConf conf = new RunConf("manifest", csv.getParent().toString(), "label", "small", "speaker",
        4, 1L, false, null, "emoaudionet", null, Map.of());
    PipelineConfig cfg = Configs.pipelineConfig(conf);
    FeatureSet data = Preprocessor.run(
        CorpusLoader.load(DatasetUri.parse("manifest:" + csv), "label"), cfg, ProgressListener.NONE);
    Path fsFile = tmp.resolve("features.emof");
    data.write(fsFile);
    String fsKey = S3Keys.cache("preprocess", "promote-test");
    store.putFile(fsKey, fsFile);
    FeaturesRef features = new FeaturesRef(fsKey, store.uri(fsKey), "promote-test", false,
        data.segments().size(), "", 1);

    Path better = Trainer.train(data, cfg, Architecture.EMOAUDIONET, tmp.resolve("better"), null,
        TrainingListener.NONE).modelDir();
    PipelineConfig.TrainConfig t = cfg.train();
    PipelineConfig still = cfg.withTrain(new PipelineConfig.TrainConfig(1e-12, t.rho(),
        t.epsilon(), t.batchSize(), 1, t.earlyStopPatience(), t.plateauFactor(),
        t.plateauPatience(), 1e-12, t.loss(), t.seed()));
    Path worse = Trainer.train(data, still, Architecture.EMOAUDIONET, tmp.resolve("worse"), null,
        TrainingListener.NONE).modelDir();
    Map<String, Double> betterMetrics = evaluate(better, data, tmp.resolve("eval-better"));
    Map<String, Double> worseMetrics = evaluate(worse, data, tmp.resolve("eval-worse"));
    double hi = betterMetrics.get("test_f1_macro");
    double lo = worseMetrics.get("test_f1_macro");
    assertTrue(hi > lo, "precondition: the trained model must beat the untrained one on the test"
        + " set: " + hi + " vs " + lo);

    env = TestActivityEnvironment.newInstance();
    env.registerActivitiesImplementations(new PromoteActivityImpl(ctx));
    PromoteActivity promote = env.newActivityStub(PromoteActivity.class,
        ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofMinutes(10))
            .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(1).build()).build());
    MlflowClient client = new MlflowClient(mlflow.uri);

    try (MlflowTracker tracker = new MlflowTracker(mlflow.uri)) {
      // v1, the worse model: nothing to beat
      assertNull(alias(NAME), "no champion before the first promotion");
      Candidate v1 = register(tracker, store, "manual__v1", worse, worseMetrics);
      PromoteInput in1 = input("manual__v1", conf, features, v1);
      PromoteOutput o1 = promote.promote(in1);
      assertEquals("promoted", o1.decision());
      assertEquals("1", o1.championVersion());
      assertNull(o1.previousVersion());
      assertNull(o1.incumbent());
      assertTrue(o1.reason().startsWith("no champion yet: version 1"), o1.reason());
      assertEquals("1", alias(NAME));
      Run r1 = client.getRun(v1.runId());
      assertEquals("promoted", tags(r1).get("emo.champion.decision"));
      assertEquals("none", tags(r1).get("emo.champion.previous_version"));
      assertEquals("test_f1_macro", tags(r1).get("emo.champion.metric"));
      assertEquals(lo, metric(r1, "champion_candidate_test_f1_macro"), 1e-9);
      assertNull(metric(r1, "champion_incumbent_test_f1_macro"), "no incumbent, no figure");

      // v2, the better model: the champion (v1) is re-scored on this test set and loses
      Candidate v2 = register(tracker, store, "manual__v2", better, betterMetrics);
      PromoteOutput o2 = promote.promote(input("manual__v2", conf, features, v2));
      assertEquals("promoted", o2.decision(), o2.reason());
      assertEquals("2", o2.championVersion());
      assertEquals("1", o2.previousVersion());
      assertEquals(lo, o2.incumbent(), 1e-6, "v1 re-scored on the same test set");
      assertEquals(hi, o2.candidate(), 1e-12);
      assertEquals("2", alias(NAME));
      Run r2 = client.getRun(v2.runId());
      Map<String, String> t2 = tags(r2);
      assertEquals("promoted", t2.get("emo.champion.decision"));
      assertEquals("1", t2.get("emo.champion.previous_version"));
      assertTrue(t2.get("emo.champion.reason").contains(ChampionDecision.fmt(hi))
          && t2.get("emo.champion.reason").contains(ChampionDecision.fmt(lo)), t2.toString());
      assertEquals(hi, metric(r2, "champion_candidate_test_f1_macro"), 1e-9);
      assertEquals(lo, metric(r2, "champion_incumbent_test_f1_macro"), 1e-6);

      // v3, the worse model again: the champion (v2) keeps the alias
      Candidate v3 = register(tracker, store, "manual__v3", worse, worseMetrics);
      PromoteInput in3 = input("manual__v3", conf, features, v3);
      PromoteOutput o3 = promote.promote(in3);
      assertEquals("kept", o3.decision(), o3.reason());
      assertEquals("2", o3.championVersion());
      assertEquals("2", o3.previousVersion());
      assertEquals("2", alias(NAME), "a worse model does not take the alias");
      assertTrue(o3.log().contains("decision: kept: version 3's test_f1_macro "
          + ChampionDecision.fmt(lo) + " does not beat champion version 2's "
          + ChampionDecision.fmt(hi)), o3.log());
      Run r3 = client.getRun(v3.runId());
      Map<String, String> t3 = tags(r3);
      assertEquals("kept", t3.get("emo.champion.decision"));
      assertEquals("2", t3.get("emo.champion.previous_version"));
      assertEquals(o3.reason(), t3.get("emo.champion.reason"));
      assertEquals(lo, metric(r3, "champion_candidate_test_f1_macro"), 1e-9);
      assertEquals(hi, metric(r3, "champion_incumbent_test_f1_macro"), 1e-6);

      // promotion.json next to the run in S3, and as an artifact of the MLflow run
      Path got = tmp.resolve("promotion-v3.json");
      store.getFile(S3Keys.run(DAG, "manual__v3", "promotion.json"), got);
      JsonNode pj = JSON.readTree(got.toFile());
      assertEquals("kept", pj.path("decision").asText());
      assertEquals("3", pj.path("candidate_version").asText());
      assertEquals("2", pj.path("champion_version").asText());
      assertEquals(hi, pj.path("incumbent").asDouble(), 1e-6);
      assertTrue(tracker.listArtifacts(v3.runId(), "").contains("promotion.json"));

      // a retried attempt finds its decision and applies it again, it does not re-decide
      PromoteOutput again1 = promote.promote(in1);
      assertEquals(o1.decision() + o1.reason(), again1.decision() + again1.reason());
      assertTrue(again1.log().contains("by an earlier attempt"), again1.log());
      assertTrue(again1.log().contains("has moved to version 2"), again1.log());
      assertEquals("2", again1.championVersion());
      assertEquals("2", alias(NAME), "a late retry of v1's promotion does not take the alias back");
      PromoteOutput again2 = promote.promote(input("manual__v2", conf, features, v2));
      assertEquals(o2.reason(), again2.reason());
      assertEquals("2", again2.championVersion());
      PromoteOutput again3 = promote.promote(in3);
      assertEquals(o3.reason(), again3.reason());
      assertEquals("2", alias(NAME));
    }
    // why a champion cannot score a test set (classes, sample rate, ...): ModelCompatibilityTest
    try (ScoringModel m = ScoringModels.load(better)) {
      assertNull(ModelCompatibility.mismatch(m, data, cfg), "a model trained here fits its data");
    }
  }

  static PromoteInput input(String dagRunId, RunConf conf, FeaturesRef features, Candidate c) {
    return new PromoteInput(DAG, dagRunId, conf, features, false, c.modelKey(), NAME, c.version(),
        c.metrics(), F1, c.runId());
  }
}
