package org.emoaudionet.worker;

import static org.junit.jupiter.api.Assertions.*;

import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestActivityEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.emoaudionet.config.PipelineConfig;
import org.emoaudionet.features.FeatureSet;
import org.emoaudionet.pipeline.CorpusLoader;
import org.emoaudionet.pipeline.DatasetUri;
import org.emoaudionet.pipeline.Preprocessor;
import org.emoaudionet.pipeline.ProgressListener;
import org.emoaudionet.workflows.activity.EvaluateActivity;
import org.emoaudionet.workflows.activity.EvaluateInput;
import org.emoaudionet.workflows.activity.EvaluateOutput;
import org.emoaudionet.workflows.activity.FeaturesRef;
import org.emoaudionet.workflows.activity.ImportModelActivity;
import org.emoaudionet.workflows.activity.ImportModelInput;
import org.emoaudionet.workflows.activity.S3Keys;
import org.emoaudionet.workflows.activity.TrainOutput;
import org.emoaudionet.workflows.conf.RunConf;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlflow.api.proto.Service.Run;
import org.mlflow.tracking.MlflowClient;

/**
 * The import task, all real: S3Proxy, an MLflow server, the committed Keras SavedModel fixture
 * (small preset, the manifest sample's 4-class {@code label} task) uploaded to another bucket,
 * the manifest sample preprocessed as preprocess leaves it; the activity runs in Temporal's
 * activity test environment, then the real evaluate scores what it stored.
 */
class ImportModelActivityTest {
  static final String DAG = "audio_manifest_classification";

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

  static Path fixture() {
    for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
      Path m = d.resolve("workers/core/src/test/resources/keras/emoaudionet-small");
      if (Files.isRegularFile(m.resolve("keras.json"))) return m;
    }
    throw new IllegalStateException("the Keras fixture was not found above "
        + Path.of("").toAbsolutePath());
  }

  /** Every file of {@code dir} by its relative path (with '/'), as bytes. */
  static Map<String, byte[]> files(Path dir) throws Exception {
    Map<String, byte[]> out = new TreeMap<>();
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.filter(Files::isRegularFile).toList()) {
        out.put(dir.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
      }
    }
    return out;
  }

  static void uploadTree(ArtifactStore store, Path dir, String prefix) throws Exception {
    for (String rel : files(dir).keySet()) store.putFile(prefix + rel, dir.resolve(rel));
  }

  /** A copy of the fixture whose keras.json has {@code from} replaced by {@code to}. */
  static Path fixtureWith(String name, String from, String to) throws Exception {
    Path copy = tmp.resolve(name);
    Path src = fixture();
    for (String rel : files(src).keySet()) {
      Path t = copy.resolve(rel);
      Files.createDirectories(t.getParent());
      Files.copy(src.resolve(rel), t);
    }
    String json = Files.readString(copy.resolve("keras.json"));
    assertTrue(json.contains(from), "fixture keras.json lacks " + from);
    Files.writeString(copy.resolve("keras.json"), json.replace(from, to));
    return copy;
  }

  static String failure(ImportModelActivity a, ImportModelInput in) {
    ActivityFailure f = assertThrows(ActivityFailure.class, () -> a.importModel(in));
    ApplicationFailure af = assertInstanceOf(ApplicationFailure.class, f.getCause());
    assertTrue(af.isNonRetryable(), "bad input is final: " + af.getOriginalMessage());
    return af.getOriginalMessage();
  }

  @Test
  void importsAKerasSavedModelFromS3AndRefusesOneThatDoesNotFit() throws Exception {
    Assumptions.assumeTrue(MlflowServerFixture.findPython() != null,
        "no Python with mlflow (EMO_PYTHON or <repo>/.emo/venv)");
    s3 = new S3ProxyFixture();
    mlflow = new MlflowServerFixture(s3, tmp);
    WorkerConfig c = WorkerConfig.fromEnv(Map.of("EMO_S3_ENDPOINT", s3.endpoint,
        "EMO_S3_ACCESS_KEY", S3ProxyFixture.ACCESS, "EMO_S3_SECRET_KEY", S3ProxyFixture.SECRET,
        "EMO_MLFLOW_URI", mlflow.uri, "EMO_WORK_DIR", tmp.resolve("work").toString(),
        "EMO_DATA_ROOTS", TestDataRoots.of(tmp))); // models imported from local folders too
    WorkerContext ctx = WorkerContext.from(c);
    ArtifactStore store = ArtifactStore.from(c);
    ArtifactStore models = s3.store("emo-models"); // the user's bucket, not the platform's

    // the run's data: the manifest sample preprocessed with the small preset, in S3
    Path csv = PromoteActivityTest.manifest();
    String source = "s3://emo-models/keras/small/";
    RunConf conf = new RunConf("manifest", csv.getParent().toString(), "label", "small",
        "speaker", 1, 1L, true, null, "emoaudionet", null, Map.of(), source);
    PipelineConfig cfg = Configs.pipelineConfig(conf);
    FeatureSet data = Preprocessor.run(
        CorpusLoader.load(DatasetUri.parse("manifest:" + csv), "label"), cfg, ProgressListener.NONE);
    Path fsFile = tmp.resolve("features.emof");
    data.write(fsFile);
    String fsKey = S3Keys.cache("preprocess", "import-test");
    store.putFile(fsKey, fsFile);
    FeaturesRef features = new FeaturesRef(fsKey, store.uri(fsKey), "import-test", false,
        data.segments().size(), "", 1);

    env = TestActivityEnvironment.newInstance();
    env.registerActivitiesImplementations(new ImportModelActivityImpl(ctx),
        new EvaluateActivityImpl(ctx));
    ActivityOptions once = ActivityOptions.newBuilder()
        .setStartToCloseTimeout(Duration.ofMinutes(10))
        .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(1).build()).build();
    ImportModelActivity importer = env.newActivityStub(ImportModelActivity.class, once);
    EvaluateActivity evaluate = env.newActivityStub(EvaluateActivity.class, once);
    MlflowClient client = new MlflowClient(mlflow.uri);

    try (MlflowTracker tracker = new MlflowTracker(mlflow.uri)) {
      // 1. the fixture as a directory under an S3 prefix
      uploadTree(models, fixture(), "keras/small/");
      String runId = tracker.startRun(DAG, "imp1", DAG + "/imp1", Map.of()).runId();
      TrainOutput out = importer.importModel(
          new ImportModelInput(DAG, "imp1", conf, features, runId));
      assertEquals(S3Keys.model(DAG, "imp1"), out.modelKey());
      assertEquals(store.uri(out.modelKey()), out.modelUri());
      assertTrue(out.history().isEmpty());
      assertTrue(out.log().contains("imported " + source + " (keras-savedmodel)"), out.log());
      // stored exactly as a trained model: model.tar.gz with the model's files at its top
      Path stored = tmp.resolve("stored-1");
      store.getDir(out.modelKey(), stored);
      Map<String, byte[]> want = files(fixture());
      Map<String, byte[]> got = files(stored);
      assertEquals(want.keySet(), got.keySet());
      for (String f : want.keySet()) assertArrayEquals(want.get(f), got.get(f), f);
      // and in MLflow: a READY logged model of the run with the SavedModel's files and an MLmodel
      // of flavour emoaudionet (format keras-savedmodel), the format and the source as tags
      Run run = client.getRun(runId);
      Map<String, String> tags = PromoteActivityTest.tags(run);
      assertEquals("keras-savedmodel", tags.get("emo.model_format"));
      assertEquals(source, tags.get("emo.imported_from"));
      LoggedModels.LoggedModel logged = new ModelLogger(tracker).readyOf(runId).orElseThrow(
          () -> new AssertionError("no READY logged model: " + out.log()));
      assertEquals(source, logged.tags().get("emo.imported_from"));
      List<String> artifacts = tracker.loggedModels().listArtifacts(logged, "");
      assertTrue(artifacts.containsAll(List.of("keras.json", "saved_model.pb", "MLmodel",
          "input_example.json")), artifacts.toString());
      Map<String, Object> mlmodel = MlmodelFile.read(
          tracker.loggedModels().readArtifact(logged, "MLmodel"));
      assertTrue(mlmodel.get("flavors").toString().contains("model_format=keras-savedmodel"),
          mlmodel.toString());
      assertTrue(mlmodel.get("signature").toString().contains("[-1,3,64,64]"), mlmodel.toString());

      // evaluate scores the imported model like a trained one: same split, same metrics
      EvaluateOutput scores = evaluate.evaluate(new EvaluateInput(DAG, "imp1", conf, features,
          out, false, runId));
      Map<String, Double> expected = PromoteActivityTest.evaluate(fixture(), data,
          tmp.resolve("eval-direct"));
      assertEquals(expected.get("test_accuracy"), scores.metrics().get("test_accuracy"), 1e-9);
      assertEquals(expected.get("test_f1_macro"), scores.metrics().get("test_f1_macro"), 1e-9);
      assertNotNull(PromoteActivityTest.metric(client.getRun(runId), "test_accuracy"));

      // 2. a tar.gz of the folder itself (one top folder), from the platform's own bucket
      Path tgz = tmp.resolve("keras-small.tar.gz");
      Path wrapped = Files.createDirectories(tmp.resolve("wrap-copy"));
      copy(fixture(), wrapped.resolve("emoaudionet-small"));
      Archives.packTarGz(wrapped, tgz);
      store.putFile("uploads/keras-small.tar.gz", tgz);
      String tgzUri = store.uri("uploads/keras-small.tar.gz");
      RunConf fromTgz = withImport(conf, tgzUri);
      TrainOutput out2 = importer.importModel(
          new ImportModelInput(DAG, "imp2", fromTgz, features, null));
      Path stored2 = tmp.resolve("stored-2");
      store.getDir(out2.modelKey(), stored2);
      assertEquals(want.keySet(), files(stored2).keySet());
      assertTrue(out2.log().contains("imported " + tgzUri + " (keras-savedmodel)"), out2.log());

      // 3. refusals, each naming the field, the source and what does not fit
      Path otherClasses = fixtureWith("other-classes", "\"sad\"", "\"calm\"");
      uploadTree(models, otherClasses, "keras/other-classes/");
      String m1 = failure(importer, new ImportModelInput(DAG, "imp3",
          withImport(conf, "s3://emo-models/keras/other-classes/"), features, null));
      assertTrue(m1.contains("conf.import_model s3://emo-models/keras/other-classes/"), m1);
      assertTrue(m1.contains("its classes [angry, happy, neutral, calm] differ from the data"
          + " set's [angry, happy, neutral, sad]"), m1);
      assertFalse(store.exists(S3Keys.model(DAG, "imp3")), "a refused model is not stored");

      Path smaller = fixtureWith("smaller", "\"imageSize\": 64", "\"imageSize\": 32");
      String m2 = failure(importer, new ImportModelInput(DAG, "imp4",
          withImport(conf, smaller.toUri().toString()), features, null));
      assertTrue(m2.contains("it takes 32px spectrogram images, the run's preset 'small' makes"
          + " 64px"), m2);

      String m3 = failure(importer, new ImportModelInput(DAG, "imp5",
          withImport(conf, "s3://emo-models/nothing/"), features, null));
      assertTrue(m3.contains("s3://emo-models/nothing/: no objects under this prefix"), m3);

      models.putFile("keras/notamodel/readme.txt", csv);
      String m4 = failure(importer, new ImportModelInput(DAG, "imp6",
          withImport(conf, "s3://emo-models/keras/notamodel/"), features, null));
      assertTrue(m4.contains("is not a model directory"), m4);
      assertTrue(m4.contains("saved_model.pb"), m4);
    }
  }

  static RunConf withImport(RunConf c, String uri) {
    return new RunConf(c.layout(), c.datasetUri(), c.task(), c.preset(), c.split(), c.epochs(),
        c.seed(), c.augment(), c.pretrainedFrom(), c.arch(), c.checksum(), c.extra(), uri);
  }

  static void copy(Path from, Path to) throws Exception {
    for (String rel : files(from).keySet()) {
      Path t = to.resolve(rel);
      Files.createDirectories(t.getParent());
      Files.copy(from.resolve(rel), t);
    }
  }
}
