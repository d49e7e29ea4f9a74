package org.emoaudionet.workflows.dag;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DAG files: the bundled ones, a folder's, and each kind of mistake named by file and field. */
class DagFilesTest {
  static final String GOOD = """
      dag_id: nightly_arousal
      description: Arousal every night
      tags: [recola, nightly]
      task: arousal
      layout: recola
      preset: small
      dataset_uri: s3://emo/datasets/recola/
      participant_level: false
      default_conf: {split: speaker, augment: false, epochs: 2}
      schedule: "@daily"
      data_trigger: {prefix: s3://emo/incoming/recola/, poll_interval: 45s}
      champion: {metric: test_rmse, higher_is_better: false}
      is_paused_upon_creation: true
      """;

  @TempDir Path dir;

  @Test
  void aFullFileBecomesADefinitionWithItsConfMerged() {
    DagDefinition d = DagFiles.parse("x.yaml", GOOD);
    assertEquals("nightly_arousal", d.dagId());
    assertEquals(List.of("recola", "nightly"), d.tags());
    assertEquals("@daily", d.schedule());
    assertEquals(new DataTrigger("s3://emo/incoming/recola/", Duration.ofSeconds(45)), d.dataTrigger());
    assertEquals(new ChampionPolicy("test_rmse", false), d.champion());
    assertTrue(d.pausedUponCreation());
    assertEquals(Map.of("layout", "recola", "task", "arousal", "preset", "small",
        "dataset_uri", "s3://emo/datasets/recola/", "split", "speaker", "augment", false,
        "epochs", 2, "arch", "emoaudionet"), d.defaultConf());
  }

  @Test
  void presetCpuAndFoldsAreAcceptedInADagFileAndBadFoldsNameTheField() {
    DagDefinition d = DagFiles.parse("cv.yaml", GOOD.replace("preset: small", "preset: cpu")
        .replace("epochs: 2}", "epochs: 2, folds: 5}"));
    assertEquals("cpu", d.defaultConf().get("preset"));
    assertEquals(5, d.defaultConf().get("folds"));
    DagFileException e = assertThrows(DagFileException.class, () -> DagFiles.parse("cv.yaml",
        GOOD.replace("epochs: 2}", "epochs: 2, folds: 1}")));
    assertTrue(e.getMessage().contains("cv.yaml") && e.getMessage().contains("folds"), e.getMessage());
  }

  @Test
  void optionalKeysTakeTheirDefaults() {
    DagDefinition d = DagFiles.parse("m.yaml", "dag_id: m\ntask: phq8_score\nlayout: daic-woz\n");
    assertNull(d.schedule());
    assertNull(d.dataTrigger());
    assertFalse(d.pausedUponCreation());
    assertEquals(ChampionPolicy.defaultFor("phq8_score"), d.champion());
    assertEquals(Map.of("layout", "daic-woz", "task", "phq8_score", "preset", "small",
        "split", "speaker", "augment", true, "arch", "emoaudionet"), d.defaultConf());
    assertEquals(List.of(), d.tags());
  }

  @Test
  void theBundledDagsAreTheSixOfBeforeWithTheirConf() {
    DagCatalog c = DagCatalog.bundled();
    assertEquals(List.of("librispeech_gender_pretrain", "recola_arousal", "recola_valence",
        "daic_woz_phq8_binary", "daic_woz_phq8_score", "audio_manifest_classification"),
        c.list().stream().map(DagDefinition::dagId).toList());
    DagDefinition daic = c.get("daic_woz_phq8_binary").orElseThrow();
    assertTrue(daic.participantLevel());
    assertEquals(Map.of("layout", "daic-woz", "task", "phq8_binary", "preset", "small",
        "split", "speaker", "augment", true, "arch", "emoaudionet"), daic.defaultConf());
    assertEquals(new ChampionPolicy("test_ccc", true),
        c.get("recola_arousal").orElseThrow().champion());
    assertEquals("dags/recola_arousal.yaml", c.source("recola_arousal").orElseThrow());
    c.list().forEach(d -> assertNull(d.schedule(), d.dagId()));
  }

  /** The index is how a jar lists its DAG files: it must name exactly the files in the repo. */
  @Test
  void theIndexNamesEveryBundledFile() throws IOException {
    Path resources = Path.of("src/main/resources/dags");
    try (Stream<Path> s = Files.list(resources)) {
      List<String> files = s.map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".yaml")).sorted().toList();
      assertEquals(files, DagCatalog.bundledFileNames().stream().sorted().toList());
    }
  }

  @Test
  void aFolderAddsItsDagsAfterTheBundledOnes() throws IOException {
    Files.writeString(dir.resolve("nightly.yaml"), GOOD);
    Files.writeString(dir.resolve("notes.txt"), "not a DAG file");
    DagCatalog c = DagCatalog.load(dir);
    assertEquals(7, c.list().size());
    assertEquals("nightly_arousal", c.list().get(6).dagId());
    assertEquals(dir.resolve("nightly.yaml").toAbsolutePath().toString(),
        c.source("nightly_arousal").orElseThrow());
  }

  @Test
  void aDagIdDefinedTwiceNamesBothFiles() throws IOException {
    Files.writeString(dir.resolve("a.yaml"), GOOD);
    Files.writeString(dir.resolve("b.yaml"), GOOD);
    DagFileException e = assertThrows(DagFileException.class, () -> DagCatalog.load(dir));
    assertTrue(e.getMessage().contains(dir.resolve("a.yaml").toString())
        && e.getMessage().contains(dir.resolve("b.yaml").toString())
        && e.getMessage().contains("nightly_arousal"), e.getMessage());
  }

  @Test
  void aFolderDagMayNotReuseABundledId() throws IOException {
    Files.writeString(dir.resolve("r.yaml"), "dag_id: recola_arousal\ntask: arousal\nlayout: recola\n");
    DagFileException e = assertThrows(DagFileException.class, () -> DagCatalog.load(dir));
    assertTrue(e.getMessage().contains("dags/recola_arousal.yaml"), e.getMessage());
  }

  @Test
  void scanLeavesBadFilesOutAsImportErrorsAndLoadsTheRest() throws IOException {
    Files.writeString(dir.resolve("a_good.yaml"), GOOD);
    Files.writeString(dir.resolve("b_typo.yaml"), GOOD.replace("dag_id: nightly_arousal",
        "dag_id: other\nshedule: x"));
    Files.writeString(dir.resolve("c_twice.yaml"), GOOD);
    Files.writeString(dir.resolve("d_yaml.yml"), "dag_id: [unclosed");
    DagCatalog c = DagCatalog.scan(dir);
    assertEquals(7, c.list().size(), "the six bundled DAGs and the good file's");
    assertTrue(c.get("nightly_arousal").isPresent());
    assertEquals(GOOD, c.text("nightly_arousal").orElseThrow());
    assertTrue(c.text("recola_arousal").orElseThrow().contains("dag_id: recola_arousal"));
    List<DagImportError> errors = c.importErrors();
    assertEquals(List.of("b_typo.yaml", "c_twice.yaml", "d_yaml.yml"),
        errors.stream().map(DagImportError::fileName).toList());
    assertTrue(errors.get(0).message().contains("'shedule'"), errors.get(0).message());
    assertTrue(errors.get(1).message().contains("already defined in "
        + dir.resolve("a_good.yaml")), errors.get(1).message());
    assertTrue(errors.get(2).message().contains("not valid YAML"), errors.get(2).message());
    // the strict reader still stops at the first bad file
    assertThrows(DagFileException.class, () -> DagCatalog.load(dir));
  }

  @Test
  void aMissingFolderIsNamed() {
    DagFileException e = assertThrows(DagFileException.class,
        () -> DagCatalog.load(dir.resolve("nope")));
    assertTrue(e.getMessage().contains("EMO_DAGS_FOLDER") && e.getMessage().contains("nope"));
  }

  private static String bad(String from, String to) {
    String changed = GOOD.replace(from, to);
    assertNotEquals(GOOD, changed, "test edit did not apply: " + from);
    DagFileException e = assertThrows(DagFileException.class, () -> DagFiles.parse("f.yaml", changed));
    assertTrue(e.getMessage().startsWith("f.yaml: "), e.getMessage());
    return e.getMessage();
  }

  @Test
  void eachKindOfMistakeIsNamedByFieldAndValue() {
    assertTrue(bad("preset: small", "presett: small").contains("field 'presett': unknown key"));
    assertTrue(bad("schedule: \"@daily\"", "schedule: \"61 * * * *\"")
        .matches("(?s)f\\.yaml: field 'schedule': '61 \\* \\* \\* \\*' is not a valid cron.*"));
    assertTrue(bad("schedule: \"@daily\"", "schedule: \"* * * *\"")
        .contains("field 'schedule': '* * * *' has 4 fields"));
    assertTrue(bad("schedule: \"@daily\"", "schedule: \"@fortnightly\"")
        .contains("field 'schedule': '@fortnightly' is not a supported preset"));
    assertTrue(bad("dag_id: nightly_arousal\n", "").contains("field 'dag_id': is required"));
    assertTrue(bad("dag_id: nightly_arousal", "dag_id: \"bad id\"").contains("field 'dag_id': 'bad id'"));
    assertTrue(bad("task: arousal", "task: mood").contains("field 'task': Unknown task 'mood'"));
    assertTrue(bad("epochs: 2", "epochs: two").contains("field 'default_conf.epochs'"));
    assertTrue(bad("epochs: 2", "colour: red").contains("field 'default_conf.colour'"));
    assertTrue(bad("epochs: 2", "task: gender").contains("field 'default_conf.task': set 'task'"));
    assertTrue(bad("poll_interval: 45s", "poll_interval: soon")
        .contains("field 'data_trigger.poll_interval': 'soon' is not a duration"));
    assertTrue(bad("prefix: s3://emo/incoming/recola/", "prefix: /tmp/in")
        .contains("field 'data_trigger.prefix': '/tmp/in' must be an s3://"));
    assertTrue(bad("higher_is_better: false", "higher_is_better: false, why: x")
        .contains("field 'champion.why': unknown key"));
    assertTrue(bad("is_paused_upon_creation: true", "is_paused_upon_creation: maybe")
        .contains("field 'is_paused_upon_creation': must be true or false"));
    assertTrue(bad("dataset_uri: s3://emo/datasets/recola/", "dataset_uri: null")
        .contains("field 'dataset_uri': is required when 'schedule' is set"));
    assertTrue(bad("tags: [recola, nightly]", "tags: [recola, nightly").contains("not valid YAML"));
  }
}
