package org.emoaudionet.workflows.schedule;

import org.emoaudionet.workflows.dag.ChampionPolicy;
import org.emoaudionet.workflows.dag.DagDefinition;
import org.emoaudionet.workflows.dag.DataTrigger;
import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A DAG's data trigger turned into its watcher's input: conf, validation, config hash. */
class DataTriggersTest {
  static final Map<String, Object> DEFAULTS = Map.of("layout", "manifest", "task", "label",
      "preset", "small", "split", "speaker", "augment", false, "arch", "emoaudionet");

  static DagDefinition dag(Map<String, Object> conf, String prefix, Duration poll) {
    return new DagDefinition("drops", "d", List.of(), conf, false, null,
        new DataTrigger(prefix, poll), ChampionPolicy.defaultFor("label"), false);
  }

  @Test
  void runsTrainOnThePrefixUnlessTheDagNamesAnotherDataset() {
    DataTriggerInput in = DataTriggers.input(dag(DEFAULTS, "s3://emo/in/", Duration.ofSeconds(30)), 7);
    assertEquals("s3://emo/in/", in.conf().datasetUri());
    assertEquals("s3://emo/in/", in.conf().toConf().get("dataset_uri"), "what DagRun.conf shows");
    assertEquals(7, in.pollsPerExecution());
    assertEquals(DataTriggerState.INITIAL, in.state());

    Map<String, Object> named = new java.util.HashMap<>(DEFAULTS);
    named.put("dataset_uri", "s3://emo/corpus.tar.gz");
    assertEquals("s3://emo/corpus.tar.gz", DataTriggers.input(
        dag(named, "s3://emo/in/", Duration.ofSeconds(30)), 7).conf().datasetUri());
  }

  @Test
  void theConfigHashChangesWithTheTriggerOrConfOnly() {
    String a = DataTriggers.input(dag(DEFAULTS, "s3://emo/in/", Duration.ofSeconds(30)), 7).configHash();
    assertEquals(a, DataTriggers.input(dag(DEFAULTS, "s3://emo/in/", Duration.ofSeconds(30)), 7).configHash());
    assertNotEquals(a, DataTriggers.input(dag(DEFAULTS, "s3://emo/in/", Duration.ofSeconds(31)), 7).configHash());
    assertNotEquals(a, DataTriggers.input(dag(DEFAULTS, "s3://emo/other/", Duration.ofSeconds(30)), 7).configHash());
    Map<String, Object> epochs = new java.util.HashMap<>(DEFAULTS);
    epochs.put("epochs", 3);
    assertNotEquals(a, DataTriggers.input(dag(epochs, "s3://emo/in/", Duration.ofSeconds(30)), 7).configHash());
  }

  @Test
  void badTriggersAreRefusedNamingTheDagAndField() {
    for (String bad : new String[] {"s3://emo/in", "emo/in/", "s3:///in/", null}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> DataTriggers.input(dag(DEFAULTS, bad, Duration.ofSeconds(30)), 7));
      assertTrue(e.getMessage().contains("drops") && e.getMessage().contains("data_trigger.prefix")
          && e.getMessage().contains("'" + bad + "'"), e.getMessage());
    }
    IllegalArgumentException poll = assertThrows(IllegalArgumentException.class,
        () -> DataTriggers.input(dag(DEFAULTS, "s3://emo/in/", Duration.ZERO), 7));
    assertTrue(poll.getMessage().contains("data_trigger.poll_interval"), poll.getMessage());
    Map<String, Object> typo = new java.util.HashMap<>(DEFAULTS);
    typo.put("epoch", 3);
    IllegalArgumentException conf = assertThrows(IllegalArgumentException.class,
        () -> DataTriggers.input(dag(typo, "s3://emo/in/", Duration.ofSeconds(30)), 7));
    assertTrue(conf.getMessage().contains("conf.epoch"), conf.getMessage());
  }
}
