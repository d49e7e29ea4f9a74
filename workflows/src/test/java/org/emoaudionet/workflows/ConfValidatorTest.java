package org.emoaudionet.workflows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfValidatorTest {
  private static final DagDefinition RECOLA = DagCatalog.find("recola_arousal").orElseThrow();

  private static Map<String, Object> conf(Object... kv) {
    Map<String, Object> m = new HashMap<>();
    for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
    return m;
  }

  private static List<String> fields(ConfValidator.Result r) {
    return r.errors().stream().map(ConfValidator.FieldError::field).sorted().toList();
  }

  @Test
  void mergesDefaultsUnderTheConf() {
    var r = ConfValidator.validate(conf("dataset_uri", "/data/recola", "epochs", 3, "seed", 7,
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
    var r = ConfValidator.validate(conf("dataset_uri", "/d", "epoch", 3, "epochs", "3",
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
    var r = ConfValidator.validate(conf("task", "gender"), RECOLA, null);
    assertEquals(List.of("dataset_uri", "task"), fields(r));
    assertTrue(r.errors().get(0).message().contains("gender")
        || r.errors().get(1).message().contains("gender"));
  }

  @Test
  void pretrainedFromMustNameAnExistingRun() {
    ConfValidator.PretrainedLookup lookup =
        (dag, id) -> dag.equals("librispeech_gender_pretrain") && id.equals("good") ? null : "no such run";
    assertTrue(ConfValidator.validate(conf("dataset_uri", "/d", "pretrained_from", "good"), RECOLA, lookup).ok());
    assertTrue(ConfValidator.validate(conf("dataset_uri", "/d",
        "pretrained_from", "librispeech_gender_pretrain/good"), RECOLA, lookup).ok());
    var missing = ConfValidator.validate(conf("dataset_uri", "/d", "pretrained_from", "bad"), RECOLA, lookup);
    assertEquals(List.of("pretrained_from"), fields(missing));
    assertTrue(missing.errors().get(0).message().contains("no such run"));
    var unknownDag = ConfValidator.validate(conf("dataset_uri", "/d", "pretrained_from", "nodag/x"), RECOLA, lookup);
    assertTrue(unknownDag.errors().get(0).message().contains("nodag"));
  }

  @Test
  void checksumAndExtraAreChecked() {
    var r = ConfValidator.validate(conf("dataset_uri", "/d", "checksum", "md5:xyz",
        "extra", Map.of("k", 1)), RECOLA, null);
    assertEquals(List.of("checksum", "extra.k"), fields(r));
    assertTrue(ConfValidator.validate(conf("dataset_uri", "/d",
        "checksum", "md5:0123456789abcdef0123456789ABCDEF"), RECOLA, null).ok());
  }

  @Test
  void importModelAcceptsPathsFileUrisS3PrefixesAndTarGz() {
    for (String ok : List.of("/models/keras-small", "models/keras", "file:///models/keras-small",
        "s3://emo-models/keras/small/", "s3://emo-models/keras/small.tar.gz",
        "s3://emo-models/k.tgz")) {
      var r = ConfValidator.validate(conf("dataset_uri", "/d", "import_model", ok), RECOLA, null);
      assertTrue(r.ok(), ok + ": " + r.errors());
      assertEquals(ok, r.conf().importModel());
      assertTrue(r.conf().imports());
    }
    var none = ConfValidator.validate(conf("dataset_uri", "/d"), RECOLA, null);
    assertNull(none.conf().importModel());
    assertFalse(none.conf().imports());
  }

  @Test
  void importModelRefusesOtherShapesNamingTheField() {
    for (String bad : List.of("s3://emo-models/keras/small", "s3://emo-models", "s3://emo-models/",
        "s3://A_Bucket/m/", "https://example.org/m.tar.gz", "s3://emo-models/a/../b/")) {
      var r = ConfValidator.validate(conf("dataset_uri", "/d", "import_model", bad), RECOLA, null);
      assertEquals(List.of("import_model"), fields(r), bad);
      var e = r.errors().get(0);
      assertEquals("value_error", e.type());
      assertEquals(bad, e.input());
      assertTrue(e.message().startsWith("import_model '" + bad + "'"), e.message());
      assertTrue(e.message().contains("s3://bucket/prefix/"), e.message());
    }
    var notString = ConfValidator.validate(conf("dataset_uri", "/d", "import_model", 3), RECOLA, null);
    assertEquals(List.of("import_model"), fields(notString));
    var both = ConfValidator.validate(conf("dataset_uri", "/d", "import_model", "/m",
        "pretrained_from", "good"), RECOLA, (d, id) -> null);
    assertEquals(List.of("import_model"), fields(both));
    assertTrue(both.errors().get(0).message().contains("pretrained_from"));
  }

  private static final DagDefinition MANIFEST =
      DagCatalog.find("audio_manifest_classification").orElseThrow();

  @Test
  void presetCpuIsAcceptedAndAnUnknownPresetListsAllThree() {
    var ok = ConfValidator.validate(conf("dataset_uri", "/d", "preset", "cpu"), RECOLA, null);
    assertTrue(ok.ok(), ok.errors().toString());
    assertEquals("cpu", ok.conf().preset());
    var bad = ConfValidator.validate(conf("dataset_uri", "/d", "preset", "gpu"), RECOLA, null);
    assertEquals(List.of("preset"), fields(bad));
    assertTrue(bad.errors().get(0).message().contains("[cpu, paper, small]"),
        bad.errors().get(0).message());
  }

  @Test
  void foldsTwoOrMoreCrossValidatesAndZeroOrAbsentDoesNot() {
    var five = ConfValidator.validate(conf("dataset_uri", "/d", "folds", 5), MANIFEST, null);
    assertTrue(five.ok(), five.errors().toString());
    assertEquals(5, five.conf().folds());
    assertNull(five.conf().fold());
    assertTrue(five.conf().crossValidates());
    assertFalse(five.conf().foldOfCrossValidation());
    var two = ConfValidator.validate(conf("dataset_uri", "/d", "folds", 2L), MANIFEST, null);
    assertEquals(2, two.conf().folds());
    for (Map<String, Object> none : List.of(conf("dataset_uri", "/d", "folds", 0),
        conf("dataset_uri", "/d"))) {
      var r = ConfValidator.validate(none, MANIFEST, null);
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
  void badFoldsAreRefusedNamingTheField() {
    for (Object bad : List.of(1, -3, 101, "5", 2.5, true)) {
      var r = ConfValidator.validate(conf("dataset_uri", "/d", "folds", bad), MANIFEST, null);
      assertEquals(List.of("folds"), fields(r), "folds " + bad);
      assertTrue(r.errors().get(0).message().contains("conf.folds"), r.errors().get(0).message());
    }
    var one = ConfValidator.validate(conf("dataset_uri", "/d", "folds", 1), MANIFEST, null);
    assertTrue(one.errors().get(0).message().contains("0 (no cross-validation) or an integer from 2"),
        one.errors().get(0).message());
    var paper = ConfValidator.validate(conf("dataset_uri", "/d", "folds", 3, "split", "paper"),
        MANIFEST, null);
    assertEquals(List.of("folds"), fields(paper));
    assertTrue(paper.errors().get(0).message().contains("split 'speaker'"));
    var imported = ConfValidator.validate(conf("dataset_uri", "/d", "folds", 3,
        "import_model", "/models/k"), MANIFEST, null);
    assertEquals(List.of("folds"), fields(imported));
    // fold is the parent's to set, not a user's
    var fold = ConfValidator.validate(conf("dataset_uri", "/d", "folds", 3, "fold", 1),
        MANIFEST, null);
    assertEquals(List.of("fold"), fields(fold));
  }

  @Test
  void aCsvDatasetUriIsAManifestReadFromAPathFileOrS3() {
    for (String uri : List.of("/data/labels.csv", "file:///data/labels.csv",
        "s3://emo/corpora/x/labels.CSV", "relative/labels.csv")) {
      var r = ConfValidator.validate(conf("dataset_uri", uri), MANIFEST, null);
      assertTrue(r.ok(), uri + ": " + r.errors());
      assertTrue(RunConf.namesCsv(r.conf().datasetUri()), uri);
    }
    assertFalse(RunConf.namesCsv("/data/corpus"));
    assertFalse(RunConf.namesCsv("s3://emo/data/corpus.tar.gz"));
    var recola = ConfValidator.validate(conf("dataset_uri", "/data/labels.csv"), RECOLA, null);
    assertEquals(List.of("dataset_uri"), fields(recola));
    assertTrue(recola.errors().get(0).message().contains("layout 'manifest'"));
    var http = ConfValidator.validate(conf("dataset_uri", "https://example.org/labels.csv"),
        MANIFEST, null);
    assertEquals(List.of("dataset_uri"), fields(http));
    var both = ConfValidator.validate(conf("dataset_uri", "/data/labels.csv",
        "extra", Map.of("manifest", "other.csv")), MANIFEST, null);
    assertEquals(List.of("extra.manifest"), fields(both));
  }
}
