package org.emoaudionet.worker;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.emoaudionet.config.PipelineConfig;
import org.emoaudionet.spec.PresetNames;
import org.emoaudionet.workflows.activity.StartRunInput;
import org.emoaudionet.workflows.conf.ConfValidator;
import org.emoaudionet.workflows.conf.DataSourcePolicy;
import org.emoaudionet.workflows.conf.RunConf;
import org.emoaudionet.workflows.dag.DagCatalog;
import org.junit.jupiter.api.Test;

/** A run's conf as the core's config: presets, cross-validation folds, cache keys, MLflow tags. */
class ConfigsFoldTest {
  /** The conf names a made-up path: every path is inside this policy's one root, /. */
  private static final DataSourcePolicy ANY_PATH =
      DataSourcePolicy.of(List.of(Path.of("/")), List.of());

  private static RunConf conf(String preset, Integer folds, Integer fold) {
    return new RunConf("manifest", "/data/m", "label", preset, "speaker", 2, 7L, true, null,
        "emoaudionet", null, Map.of(), null, folds, fold);
  }

  @Test
  void everyVocabularyPresetPassesTheValidatorAndLoadsInTheCore() {
    assertTrue(PresetNames.ALL.containsAll(List.of("paper", "small", "cpu")), PresetNames.ALL.toString());
    for (String p : PresetNames.ALL) {
      var r = ConfValidator.validate(Map.of("dataset_uri", "/d", "preset", p),
          DagCatalog.bundled().get("audio_manifest_classification").orElseThrow(), null, ANY_PATH);
      assertTrue(r.ok(), p + ": " + r.errors());
      PipelineConfig c = Configs.pipelineConfig(r.conf());
      assertEquals(p, c.preset(), p);
    }
  }

  @Test
  void aFoldIsTheCoresWithFoldAndTheParentKeepsThePlainSplit() {
    PipelineConfig plain = Configs.pipelineConfig(conf("cpu", null, null));
    assertEquals(0, plain.split().folds());
    PipelineConfig parent = Configs.pipelineConfig(conf("cpu", 5, null));
    assertEquals(plain.split(), parent.split());
    PipelineConfig fold2 = Configs.pipelineConfig(conf("cpu", 5, 2));
    assertEquals(PipelineConfig.preset("cpu").withEpochs(2).withSeed(7).withFold(5, 2).split(),
        fold2.split());
    assertEquals(5, fold2.split().folds());
    assertEquals(2, fold2.split().fold());
    assertEquals("speaker", fold2.split().protocol());
    assertEquals(7L, fold2.train().seed());
    assertEquals(2, fold2.train().maxEpochs());
    // the fold's figures come from its own features: the preprocess cache key includes the split
    String none = Configs.preprocessConfigJson(conf("cpu", null, null), plain);
    String f2 = Configs.preprocessConfigJson(conf("cpu", 5, 2), fold2);
    String f3 = Configs.preprocessConfigJson(conf("cpu", 5, 3),
        Configs.pipelineConfig(conf("cpu", 5, 3)));
    assertNotEquals(Configs.cacheKey("d", none), Configs.cacheKey("d", f2));
    assertNotEquals(Configs.cacheKey("d", f2), Configs.cacheKey("d", f3));
    assertEquals(Configs.cacheKey("d", f2), Configs.cacheKey("d",
        Configs.preprocessConfigJson(conf("cpu", 5, 2), Configs.pipelineConfig(conf("cpu", 5, 2)))));
    assertTrue(f2.contains("\"folds\":5") && f2.contains("\"fold\":2"), f2);
  }

  @Test
  void aShardsKeyIsTheSameForEveryFoldAndSeedButNotForAnotherAugmentation() {
    RunConf augmented = conf("cpu", 5, 2);
    String f2 = Configs.shardConfigJson(augmented, Configs.shardConfig(augmented));
    String f3 = Configs.shardConfigJson(conf("cpu", 5, 3), Configs.shardConfig(conf("cpu", 5, 3)));
    assertEquals(f2, f3, "the splits are assigned when the shards are read");
    assertTrue(f2.contains("\"seed\":7") && f2.contains("noiseAlphas"), "copies are seeded: " + f2);
    RunConf plain = new RunConf("manifest", "/data/m", "label", "cpu", "speaker", 2, 7L, false,
        null, "emoaudionet", null, Map.of(), null, 5, 2);
    RunConf otherSeed = new RunConf("manifest", "/data/m", "label", "cpu", "paper", 2, 8L, false,
        null, "emoaudionet", null, Map.of(), null, null, null);
    assertEquals(Configs.shardConfigJson(plain, Configs.shardConfig(plain)),
        Configs.shardConfigJson(otherSeed, Configs.shardConfig(otherSeed)),
        "without copies neither the split nor the seed decides a shard");
    assertNotEquals(f2, Configs.shardConfigJson(plain, Configs.shardConfig(plain)));
    // an imported model's shards make no copies, whatever conf.augment says
    RunConf imported = new RunConf("manifest", "/data/m", "label", "cpu", "speaker", 2, 7L, true,
        null, "emoaudionet", null, Map.of(), "/models/k");
    assertFalse(Configs.shardConfig(imported).augment().enabled());
  }

  @Test
  void aFoldsMlflowRunIsTheChildOfItsParentsAndSaysWhichFold() {
    StartRunInput fold = new StartRunInput("d", "r-fold-1", "d/r/fold-1", conf("small", 3, 1),
        "parent-run");
    assertEquals(Map.of("mlflow.parentRunId", "parent-run", "emo.cv.folds", "3", "emo.cv.fold", "1"),
        TrackingActivitiesImpl.tags(fold));
    assertEquals(Map.of("emo.cv.folds", "3"),
        TrackingActivitiesImpl.tags(new StartRunInput("d", "r", "d/r", conf("small", 3, null))));
    assertEquals(Map.of(), TrackingActivitiesImpl.tags(new StartRunInput("d", "r", "d/r",
        conf("small", null, null))));
    Map<String, String> params = TrackingActivitiesImpl.params(conf("small", 3, 1));
    assertEquals("3", params.get("conf.folds"));
    assertEquals("1", params.get("conf.fold"));
    assertEquals("3", params.get("split.folds"), params.toString());
  }

  @Test
  void mlflowSourceTagsNameWhoAndWhatRanTheRun() {
    RunConf c = conf("small", null, null);
    Map<String, String> byHand = TrackingActivitiesImpl.sourceTags(new StartRunInput("d", "r",
        "d/r", c, null, "alice", "why this run"), "dags/d.yaml", null);
    assertEquals(Map.of("mlflow.user", "alice", "mlflow.source.type", "JOB",
        "mlflow.source.name", "dags/d.yaml", "mlflow.note.content", "why this run"), byHand);
    // a schedule's run: nobody triggered it, no note, and a DAG this worker has no file of
    Map<String, String> scheduled = TrackingActivitiesImpl.sourceTags(
        new StartRunInput("d", "r", "d/r", c), null, null);
    assertEquals("emo", scheduled.get("mlflow.user"));
    assertEquals("d", scheduled.get("mlflow.source.name"));
    assertFalse(scheduled.containsKey("mlflow.note.content"));
    // a fold runs for whoever triggered its cross-validation
    assertEquals("bob", TrackingActivitiesImpl.sourceTags(new StartRunInput("d", "r-fold-0",
        "d/r/fold-0", conf("small", 2, 0), "parent"), null, "bob").get("mlflow.user"));
  }

  @Test
  void systemMetricsIntervalFromMlflowsOwnVariables() {
    assertEquals(java.time.Duration.ofSeconds(10), WorkerConfig.systemMetricsInterval(Map.of()));
    assertEquals(java.time.Duration.ofMillis(2500), WorkerConfig.systemMetricsInterval(
        Map.of("MLFLOW_SYSTEM_METRICS_SAMPLING_INTERVAL", "2.5")));
    assertNull(WorkerConfig.systemMetricsInterval(
        Map.of("MLFLOW_ENABLE_SYSTEM_METRICS_LOGGING", "false")));
    assertThrows(IllegalArgumentException.class, () -> WorkerConfig.systemMetricsInterval(
        Map.of("MLFLOW_SYSTEM_METRICS_SAMPLING_INTERVAL", "0")));
  }
}
