package org.emoaudionet.api;

import static org.junit.jupiter.api.Assertions.*;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.emoaudionet.workflows.dag.ChampionPolicy;
import org.emoaudionet.workflows.dag.DagDefinition;
import org.emoaudionet.workflows.dag.DataTrigger;
import org.emoaudionet.workflows.schedule.DataTriggerWorkflow;
import org.emoaudionet.workflows.schedule.DataTriggers;
import org.junit.jupiter.api.Test;

/**
 * The start-up reconciliation of data-trigger watchers against Temporal's test server: started
 * once, kept while the DAG's trigger and conf stay the same (an API restart), replaced when they
 * change. No worker runs the watcher here; only its execution and memo are looked at.
 */
@QuarkusTest
@WithTestResource(TemporalTestResource.class)
class DataTriggerStarterTest {
  @Inject DataTriggerStarter starter;

  static DagDefinition dag(Duration poll) {
    return new DagDefinition("starter_drops", "d", List.of(), Map.of("layout", "manifest",
        "task", "label", "preset", "small", "split", "speaker", "augment", false, "arch",
        "emoaudionet"), false, null, new DataTrigger("s3://emo/in/starter/", poll),
        ChampionPolicy.defaultFor("label"), false);
  }

  @Test
  void startsOnceKeepsTheSameConfigAndReplacesAChangedOne() {
    String id = DataTriggerWorkflow.workflowId("starter_drops");
    assertEquals(DataTriggerStarter.Outcome.STARTED, starter.reconcile(dag(Duration.ofSeconds(30))));
    String first = DataTriggers.input(dag(Duration.ofSeconds(30)), DataTriggers.POLLS_PER_EXECUTION)
        .configHash();
    assertEquals(first, starter.runningConfig(id).orElseThrow());

    assertEquals(DataTriggerStarter.Outcome.KEPT, starter.reconcile(dag(Duration.ofSeconds(30))));

    assertEquals(DataTriggerStarter.Outcome.REPLACED, starter.reconcile(dag(Duration.ofSeconds(5))));
    String second = DataTriggers.input(dag(Duration.ofSeconds(5)), DataTriggers.POLLS_PER_EXECUTION)
        .configHash();
    assertNotEquals(first, second);
    assertEquals(second, starter.runningConfig(id).orElseThrow());
  }
}
