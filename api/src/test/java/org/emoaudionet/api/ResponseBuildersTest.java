package org.emoaudionet.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.emoaudionet.api.AirflowModels.Dag;
import org.emoaudionet.api.AirflowModels.DagRun;
import org.emoaudionet.api.AirflowModels.Task;
import org.emoaudionet.api.AirflowModels.TaskInstance;
import org.emoaudionet.api.AirflowModels.TaskInstanceHistory;
import org.junit.jupiter.api.Test;

/**
 * The wide response bodies' builders: what a caller leaves unset is the default the builder
 * documents (or null), and the body written has Airflow's keys, all of them, in order.
 */
class ResponseBuildersTest {
  /** As application.properties configures Quarkus' mapper: snake_case, ISO dates. */
  private static final ObjectMapper JSON = new ObjectMapper()
      .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .findAndRegisterModules()
      .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  /** The keys written, in order, equal the schema's (its properties sorted, as the records). */
  private static JsonNode assertKeys(String schema, Object body) {
    JsonNode node = JSON.valueToTree(body);
    List<String> keys = new ArrayList<>();
    node.fieldNames().forEachRemaining(keys::add);
    assertEquals(new ArrayList<>(Shapes.properties(schema)), keys, schema);
    return node;
  }

  @Test
  void dagDefaultsAreAirflowsAndUnsetFieldsNull() {
    Dag d = Dag.builder().dagId("train").isPaused(true).build();
    assertEquals(16, d.maxActiveRuns());
    assertEquals(16, d.maxActiveTasks());
    assertEquals(List.of(), d.owners());
    assertEquals(List.of(), d.tags());
    assertFalse(d.hasImportErrors());
    assertNull(d.description());
    assertNull(d.nextDagrunRunAfter());
    JsonNode node = assertKeys("DAGResponse", d);
    assertEquals("train", node.get("dag_id").asText());
    assertEquals(true, node.get("is_paused").asBoolean());
    assertEquals(true, node.get("bundle_version").isNull(), "nulls are written");
  }

  @Test
  void taskDefaultsAreBaseOperatorsAndUnsetFieldsNull() {
    Task t = Task.builder().taskId("fit").retryExponentialBackoff(0).build();
    assertEquals("default_pool", t.pool());
    assertEquals(1, t.poolSlots());
    assertEquals("all_success", t.triggerRule());
    assertEquals("downstream", t.weightRule());
    assertEquals("#fff", t.uiColor());
    assertEquals("#000", t.uiFgcolor());
    assertEquals(List.of(), t.extraLinks());
    assertEquals(List.of(), t.templateFields());
    assertEquals(List.of(), t.downstreamTaskIds());
    assertEquals(Map.of(), t.params());
    assertNull(t.owner());
    assertNull(t.taskDisplayName(), "display name is the caller's to set");
    assertEquals(0, assertKeys("TaskResponse", t).get("retry_exponential_backoff").asInt());
  }

  @Test
  void dagRunDefaultsToEmptyConfAndVersionsAndUnsetFieldsNull() {
    Instant at = Instant.parse("2026-01-02T03:04:05.123456Z");
    DagRun r = DagRun.builder().dagId("train").dagRunId("manual__1").runAfter(at).build();
    assertEquals(Map.of(), r.conf());
    assertEquals(List.of(), r.dagVersions());
    assertNull(r.state());
    assertNull(r.runType());
    assertNull(r.logicalDate());
    JsonNode node = assertKeys("DAGRunResponse", r);
    assertEquals("2026-01-02T03:04:05.123456Z", node.get("run_after").asText());
  }

  @Test
  void taskInstanceDefaultsToUnmappedDefaultPoolAndUnsetFieldsNull() {
    TaskInstance ti = TaskInstance.builder().taskId("fit").tryNumber(2).build();
    assertEquals(-1, ti.mapIndex());
    assertEquals("default_pool", ti.pool());
    assertEquals(1, ti.poolSlots());
    assertEquals("{}", ti.executorConfig());
    assertEquals(Map.of(), ti.renderedFields());
    assertEquals(0, ti.maxTries(), "max_tries is the caller's to set, not try_number");
    assertNull(ti.state());
    assertNull(ti.id());
    assertKeys("TaskInstanceResponse", ti);
  }

  @Test
  void taskInstanceHistoryIsTheInstanceUnlessATrySaysOtherwise() {
    Instant start = Instant.parse("2026-01-02T03:04:05Z");
    TaskInstance ti = TaskInstance.builder().id(UUID.randomUUID()).dagId("train")
        .dagRunId("manual__1").taskId("fit").taskDisplayName("fit").state("success")
        .startDate(start).endDate(start.plusSeconds(2)).duration(2.0).tryNumber(3).maxTries(3)
        .priorityWeight(4).queue("gpu").executor("temporal").build();
    TaskInstanceHistory latest = TaskInstanceHistory.tryOf(ti).build();
    assertEquals(3, latest.tryNumber());
    assertEquals("success", latest.state());
    assertEquals(start, latest.startDate());
    assertEquals(2.0, latest.duration());
    assertEquals(4, latest.priorityWeight());
    assertEquals("gpu", latest.queue());
    assertEquals(-1, latest.mapIndex());
    TaskInstanceHistory first = TaskInstanceHistory.tryOf(ti).tryNumber(1).state("failed")
        .startDate(null).build();
    assertEquals(1, first.tryNumber());
    assertEquals("failed", first.state());
    assertNull(first.startDate());
    assertEquals(start.plusSeconds(2), first.endDate(), "a time not set stays the instance's");
    assertEquals("temporal", first.executor());
    assertKeys("TaskInstanceHistoryResponse", first);
  }
}
