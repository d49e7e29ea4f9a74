package org.emoaudionet.workflows.conf;

import org.emoaudionet.workflows.dag.DagCatalog;
import org.emoaudionet.workflows.dag.DagDefinition;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfValidatorTest {
  private static final DagDefinition RECOLA = DagCatalog.bundled().get("recola_arousal").orElseThrow();

  private static Map<String, Object> conf(Object... kv) {
    Map<String, Object> m = new HashMap<>();
    for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
    return m;
  }

  /**
   * The shape tests name made-up paths (/d, /data/...): every local path is inside this policy's
   * one root, /, and no host name resolves (so none is looked up on the network).
   */
  static final DataSourcePolicy ANY_PATH = new DataSourcePolicy(List.of(Path.of("/")), List.of(),
      TestResolver.of(Map.of()));

  private static ConfValidator.Result validate(Map<String, Object> conf, DagDefinition dag,
      ConfValidator.PretrainedLookup lookup) {
    return ConfValidator.validate(conf, dag, lookup, ANY_PATH);
  }

  private static List<String> fields(ConfValidator.Result r) {
    return r.errors().stream().map(ConfValidator.FieldError::field).sorted().toList();
  }

  @Test
  void theStoredFormReadsBackToTheSameConf() {
    // what a trigger stores (RunConf.toConf) is what clear validates again: the same record
    var first = validate(conf("dataset_uri", "/data/recola", "epochs", 3, "seed", 7,
        "preset", "paper", "folds", 5, "checksum", "md5:" + "a".repeat(32),
        "extra", Map.of("manifest", "m.csv")), RECOLA, (d, id) -> null);
    assertTrue(first.ok(), first.errors().toString());
    Map<String, Object> stored = first.conf().toConf();
    assertFalse(stored.containsKey("fold"), "fold is never a user key");
    var again = validate(stored, RECOLA, (d, id) -> null);
    assertTrue(again.ok(), again.errors().toString());
    assertEquals(first.conf(), again.conf());
    assertEquals(stored, again.conf().toConf());
    // a fold child stores its parent's conf: fold is set by the parent workflow, never stored
    assertEquals(stored, first.conf().forFold(2).toConf());
  }

  @Test
  void mergesDefaultsUnderTheConf() {
    var r = validate(conf("dataset_uri", "/data/recola", "epochs", 3, "seed", 7,
        "preset", "paper", "extra", Map.of("manifest", "m.csv")), RECOLA, (d, id) -> null);
    assertTrue(r.ok(), r.errors().toString());
    RunConf c = r.conf();
    assertEquals("recola", c.layout());
    assertEquals("arousal", c.task());
    assertEquals("paper", c.preset());
    assertEquals("speaker", c.split());
    assertEquals(3, c.epochs());
    assertEquals(7L, c.seed());
    assertTrue(c.augment());
    assertEquals("emoaudionet", c.arch());
    assertNull(c.pretrainedFrom());
    assertEquals(Map.of("manifest", "m.csv"), c.extra());
  }

  @Test
  void refusesUnknownKeysWrongTypesAndUnknownValues() {
    var r = validate(conf("dataset_uri", "/d", "epoch", 3, "epochs", "3",
        "augment", "yes", "preset", "huge", "split", "random", "arch", "resnet", "seed", 1.5),
        RECOLA, null);
    assertFalse(r.ok());
    assertEquals(List.of("arch", "augment", "epoch", "epochs", "preset", "seed", "split"), fields(r));
    var unknown = r.errors().stream().filter(e -> e.field().equals("epoch")).findFirst().orElseThrow();
    assertEquals("extra_forbidden", unknown.type());
    assertTrue(unknown.message().contains("'epoch'"), unknown.message());
  }

  @Test
  void taskMustBelongToTheLayoutAndDatasetIsRequired() {
    var r = validate(conf("task", "gender"), RECOLA, null);
    assertEquals(List.of("dataset_uri", "task"), fields(r));
    assertTrue(r.errors().get(0).message().contains("gender")
        || r.errors().get(1).message().contains("gender"));
  }

  @Test
  void pretrainedFromMustNameAnExistingRun() {
    ConfValidator.PretrainedLookup lookup =
        (dag, id) -> dag.equals("librispeech_gender_pretrain") && id.equals("good") ? null : "no such run";
    assertTrue(validate(conf("dataset_uri", "/d", "pretrained_from", "good"), RECOLA, lookup).ok());
    assertTrue(validate(conf("dataset_uri", "/d",
        "pretrained_from", "librispeech_gender_pretrain/good"), RECOLA, lookup).ok());
    var missing = validate(conf("dataset_uri", "/d", "pretrained_from", "bad"), RECOLA, lookup);
    assertEquals(List.of("pretrained_from"), fields(missing));
    assertTrue(missing.errors().get(0).message().contains("no such run"));
    var unknownDag = validate(conf("dataset_uri", "/d", "pretrained_from", "nodag/x"), RECOLA, lookup);
    assertTrue(unknownDag.errors().get(0).message().contains("nodag"));
  }

  @Test
  void checksumAndExtraAreChecked() {
    var r = validate(conf("dataset_uri", "/d", "checksum", "md5:xyz",
        "extra", Map.of("k", 1)), RECOLA, null);
    assertEquals(List.of("checksum", "extra.k"), fields(r));
    assertTrue(validate(conf("dataset_uri", "/d",
        "checksum", "md5:0123456789abcdef0123456789ABCDEF"), RECOLA, null).ok());
  }

  @Test
  void importModelAcceptsPathsFileUrisS3PrefixesAndTarGz() {
    for (String ok : List.of("/models/keras-small", "models/keras", "file:///models/keras-small",
        "s3://emo-models/keras/small/", "s3://emo-models/keras/small.tar.gz",
        "s3://emo-models/k.tgz")) {
      var r = validate(conf("dataset_uri", "/d", "import_model", ok), RECOLA, null);
      assertTrue(r.ok(), ok + ": " + r.errors());
      assertEquals(ok, r.conf().importModel());
      assertTrue(r.conf().imports());
    }
    var none = validate(conf("dataset_uri", "/d"), RECOLA, null);
    assertNull(none.conf().importModel());
    assertFalse(none.conf().imports());
  }

  @Test
  void importModelRefusesOtherShapesNamingTheField() {
    for (String bad : List.of("s3://emo-models/keras/small", "s3://emo-models", "s3://emo-models/",
        "s3://A_Bucket/m/", "https://example.org/m.tar.gz", "s3://emo-models/a/../b/")) {
      var r = validate(conf("dataset_uri", "/d", "import_model", bad), RECOLA, null);
      assertEquals(List.of("import_model"), fields(r), bad);
      var e = r.errors().get(0);
      assertEquals("value_error", e.type());
      assertEquals(bad, e.input());
      assertTrue(e.message().startsWith("import_model '" + bad + "'"), e.message());
      assertTrue(e.message().contains("s3://bucket/prefix/"), e.message());
    }
    var notString = validate(conf("dataset_uri", "/d", "import_model", 3), RECOLA, null);
    assertEquals(List.of("import_model"), fields(notString));
    var both = validate(conf("dataset_uri", "/d", "import_model", "/m",
        "pretrained_from", "good"), RECOLA, (d, id) -> null);
    assertEquals(List.of("import_model"), fields(both));
    assertTrue(both.errors().get(0).message().contains("pretrained_from"));
  }

  private static final DagDefinition MANIFEST =
      DagCatalog.bundled().get("audio_manifest_classification").orElseThrow();

  @Test
  void presetCpuIsAcceptedAndAnUnknownPresetListsAllThree() {
    var ok = validate(conf("dataset_uri", "/d", "preset", "cpu"), RECOLA, null);
    assertTrue(ok.ok(), ok.errors().toString());
    assertEquals("cpu", ok.conf().preset());
    var bad = validate(conf("dataset_uri", "/d", "preset", "gpu"), RECOLA, null);
    assertEquals(List.of("preset"), fields(bad));
    assertTrue(bad.errors().get(0).message().contains("[cpu, paper, small]"),
        bad.errors().get(0).message());
  }

  @Test
  void foldsTwoOrMoreCrossValidatesAndZeroOrAbsentDoesNot() {
    var five = validate(conf("dataset_uri", "/d", "folds", 5), MANIFEST, null);
    assertTrue(five.ok(), five.errors().toString());
    assertEquals(5, five.conf().folds());
    assertNull(five.conf().fold());
    assertTrue(five.conf().crossValidates());
    assertFalse(five.conf().foldOfCrossValidation());
    var two = validate(conf("dataset_uri", "/d", "folds", 2L), MANIFEST, null);
    assertEquals(2, two.conf().folds());
    for (Map<String, Object> none : List.of(conf("dataset_uri", "/d", "folds", 0),
        conf("dataset_uri", "/d"))) {
      var r = validate(none, MANIFEST, null);
      assertTrue(r.ok(), r.errors().toString());
      assertNull(r.conf().folds());
      assertFalse(r.conf().crossValidates());
    }
    // a fold of it: what the parent gives each child
    RunConf fold = five.conf().forFold(3);
    assertEquals(5, fold.folds());
    assertEquals(3, fold.fold());
    assertFalse(fold.crossValidates());
    assertTrue(fold.foldOfCrossValidation());
  }

  @Test
  void shardRecordingsTurnsShardingOnWithDefaultsAndStoresAndReadsBack() {
    var r = validate(conf("dataset_uri", "/d", "augment", false, "shard_recordings", 50),
        MANIFEST, null);
    assertTrue(r.ok(), r.errors().toString());
    assertEquals(new Sharding(50, Sharding.DEFAULT_PARALLELISM, Sharding.DEFAULT_SHUFFLE_BUFFER),
        r.conf().sharding());
    assertTrue(r.conf().sharded());
    var tuned = validate(conf("dataset_uri", "/d", "augment", false, "shard_recordings", 8,
        "shard_parallelism", 16, "shuffle_buffer", 512), MANIFEST, null);
    assertEquals(new Sharding(8, 16, 512), tuned.conf().sharding());
    var again = validate(tuned.conf().toConf(), MANIFEST, null);
    assertEquals(tuned.conf(), again.conf());
    assertEquals(new Sharding(8, 16, 512), tuned.conf().forFold(1).sharding());
    assertNull(validate(conf("dataset_uri", "/d"), MANIFEST, null).conf().sharding());
  }

  @Test
  void speakersAndMinutesSelectPartOfTheDataSetAndBadOnesAreRefused() {
    var r = validate(conf("dataset_uri", "/d", "speakers", 40, "minutes_per_speaker", 8),
        MANIFEST, null);
    assertTrue(r.ok(), r.errors().toString());
    assertEquals(new SpeakerSelection(40, 8.0), r.conf().selection());
    assertEquals(r.conf(), validate(r.conf().toConf(), MANIFEST, null).conf());
    assertEquals(new SpeakerSelection(null, 2.5),
        validate(conf("dataset_uri", "/d", "minutes_per_speaker", 2.5), MANIFEST, null).conf()
            .selection());
    assertNull(validate(conf("dataset_uri", "/d"), MANIFEST, null).conf().selection());
    for (Object bad : List.of(0, -2, "8", true)) {
      assertEquals(List.of("minutes_per_speaker"), fields(validate(conf("dataset_uri", "/d",
          "minutes_per_speaker", bad), MANIFEST, null)), "minutes " + bad);
    }
    assertEquals(List.of("speakers"), fields(validate(conf("dataset_uri", "/d", "speakers", 0),
        MANIFEST, null)));
  }

  @Test
  void badShardingIsRefusedNamingTheField() {
    for (Object bad : List.of(0, -1, "4", 2.5)) {
      var r = validate(conf("dataset_uri", "/d", "augment", false, "shard_recordings", bad),
          MANIFEST, null);
      assertEquals(List.of("shard_recordings"), fields(r), "shard_recordings " + bad);
    }
    var tooParallel = validate(conf("dataset_uri", "/d", "augment", false, "shard_recordings", 4,
        "shard_parallelism", 65), MANIFEST, null);
    assertEquals(List.of("shard_parallelism"), fields(tooParallel));
    // tuning without sharding would be silently ignored: refused
    var alone = validate(conf("dataset_uri", "/d", "shuffle_buffer", 64), MANIFEST, null);
    assertEquals(List.of("shuffle_buffer"), fields(alone));
    assertTrue(alone.errors().get(0).message().contains("conf.shard_recordings turns on"),
        alone.errors().get(0).message());
    // with the DAG's default augment (true): each shard holds its copies
    var augmented = validate(conf("dataset_uri", "/d", "shard_recordings", 4), MANIFEST, null);
    assertTrue(augmented.ok(), augmented.errors().toString());
    assertTrue(augmented.conf().augment() && augmented.conf().sharded());
  }

  @Test
  void badFoldsAreRefusedNamingTheField() {
    for (Object bad : List.of(1, -3, 101, "5", 2.5, true)) {
      var r = validate(conf("dataset_uri", "/d", "folds", bad), MANIFEST, null);
      assertEquals(List.of("folds"), fields(r), "folds " + bad);
      assertTrue(r.errors().get(0).message().contains("conf.folds"), r.errors().get(0).message());
    }
    var one = validate(conf("dataset_uri", "/d", "folds", 1), MANIFEST, null);
    assertTrue(one.errors().get(0).message().contains("0 (no cross-validation) or an integer from 2"),
        one.errors().get(0).message());
    var paper = validate(conf("dataset_uri", "/d", "folds", 3, "split", "paper"),
        MANIFEST, null);
    assertEquals(List.of("folds"), fields(paper));
    assertTrue(paper.errors().get(0).message().contains("split 'speaker'"));
    var imported = validate(conf("dataset_uri", "/d", "folds", 3,
        "import_model", "/models/k"), MANIFEST, null);
    assertEquals(List.of("folds"), fields(imported));
    // fold is the parent's to set, not a user's
    var fold = validate(conf("dataset_uri", "/d", "folds", 3, "fold", 1),
        MANIFEST, null);
    assertEquals(List.of("fold"), fields(fold));
  }

  @Test
  void aCsvDatasetUriIsAManifestReadFromAPathFileOrS3() {
    for (String uri : List.of("/data/labels.csv", "file:///data/labels.csv",
        "s3://emo/corpora/x/labels.CSV", "relative/labels.csv")) {
      var r = validate(conf("dataset_uri", uri), MANIFEST, null);
      assertTrue(r.ok(), uri + ": " + r.errors());
      assertTrue(RunConf.namesCsv(r.conf().datasetUri()), uri);
    }
    assertFalse(RunConf.namesCsv("/data/corpus"));
    assertFalse(RunConf.namesCsv("s3://emo/data/corpus.tar.gz"));
    var recola = validate(conf("dataset_uri", "/data/labels.csv"), RECOLA, null);
    assertEquals(List.of("dataset_uri"), fields(recola));
    assertTrue(recola.errors().get(0).message().contains("layout 'manifest'"));
    var http = validate(conf("dataset_uri", "https://example.org/labels.csv"),
        MANIFEST, null);
    assertEquals(List.of("dataset_uri"), fields(http));
    var both = validate(conf("dataset_uri", "/data/labels.csv",
        "extra", Map.of("manifest", "other.csv")), MANIFEST, null);
    assertEquals(List.of("extra.manifest"), fields(both));
  }
  @Test
  void fileEtcPasswdIsRefusedNamingTheFieldAndTheRule(@TempDir Path dataRoot) {
    DataSourcePolicy sources = new DataSourcePolicy(List.of(dataRoot), List.of(),
        TestResolver.of(Map.of()));
    var r = ConfValidator.validate(conf("dataset_uri", "file:///etc/passwd"), RECOLA, null, sources);
    assertEquals(List.of("dataset_uri"), fields(r));
    ConfValidator.FieldError e = r.errors().get(0);
    assertEquals("value_error", e.type());
    assertEquals("file:///etc/passwd", e.input());
    assertTrue(e.message().startsWith("dataset_uri 'file:///etc/passwd' is outside the data roots"
        + " (EMO_DATA_ROOTS=" + dataRoot.toAbsolutePath() + ")"), e.message());

    var metadata = ConfValidator.validate(conf("dataset_uri",
        "http://169.254.169.254/latest/meta-data/"), RECOLA, null, sources);
    assertEquals(List.of("dataset_uri"), fields(metadata));
    var ftp = ConfValidator.validate(conf("dataset_uri", "ftp://example.test/c.tar.gz"), RECOLA,
        null, sources);
    assertTrue(ftp.errors().get(0).message().contains("scheme 'ftp:'"), ftp.errors().toString());
    var model = ConfValidator.validate(conf("dataset_uri", dataRoot.toString(), "import_model",
        "/etc/ssh/"), RECOLA, null, sources);
    assertEquals(List.of("import_model"), fields(model));
    assertTrue(model.errors().get(0).message().startsWith("import_model '/etc/ssh/' is outside"),
        model.errors().toString());
    assertTrue(ConfValidator.validate(conf("dataset_uri", dataRoot.resolve("recola").toString()),
        RECOLA, null, sources).ok());
  }

  @Test
  void theProcessPolicyIsAppliedByDefault() {
    // the API calls the three-argument form: this test JVM sets no EMO_DATA_ROOTS, so the
    // default roots (the bundled samples, $EMO_HOME/data) apply, and /etc is not among them
    var r = ConfValidator.validate(conf("dataset_uri", "file:///etc/passwd"), RECOLA, null);
    assertEquals(List.of("dataset_uri"), fields(r));
    assertTrue(r.errors().get(0).message().contains("outside the data roots"), r.errors().toString());
  }
}
