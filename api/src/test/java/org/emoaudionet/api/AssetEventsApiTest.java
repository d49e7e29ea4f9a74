package org.emoaudionet.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Assets mirror the data triggers; announcing new data starts each consuming DAG's run exactly
 * once per announcement, also when the same announcement arrives twice at once (a client retry
 * racing its first try), because the run id comes from the announcement and Temporal refuses a
 * second start of it.
 */
@QuarkusTest
@WithTestResource(CatalogDagsTestResource.class)
class AssetEventsApiTest {
  @TestHTTPResource("/")
  URL url;

  private Http api;

  @BeforeEach
  void login() {
    api = Http.admin(url.toString());
  }

  private JsonNode asset(String uri) {
    for (JsonNode a : api.get("/api/v2/assets").body().get("assets")) {
      if (a.get("uri").asText().equals(uri)) return a;
    }
    throw new AssertionError("no asset " + uri);
  }

  /** The asset-triggered runs of a DAG whose run id starts with the announcement prefix. */
  private List<String> announcedRuns(String dagId) {
    Http.Reply r = api.get("/api/v2/dags/" + dagId + "/dagRuns?limit=100");
    assertEquals(200, r.status(), r.text());
    List<String> ids = new ArrayList<>();
    r.body().get("dag_runs").forEach(run -> {
      if (run.get("dag_run_id").asText().startsWith(AssetEvents.RUN_ID_PREFIX)) {
        assertEquals("asset_triggered", run.get("run_type").asText(), run.toString());
        assertEquals("asset", run.get("triggered_by").asText(), run.toString());
        ids.add(run.get("dag_run_id").asText());
      }
    });
    return ids;
  }

  @Test
  void assetsMirrorTheDataTriggersInAirflowsShape() {
    Http.Reply all = api.get("/api/v2/assets");
    assertEquals(200, all.status(), all.text());
    Shapes.assertShape("AssetCollectionResponse", all.body());
    assertEquals(2, all.body().get("total_entries").asInt(), all.text());
    JsonNode shared = asset(CatalogDagsTestResource.SHARED_PREFIX);
    Shapes.assertShape("AssetResponse", shared);
    assertEquals(CatalogDagsTestResource.SHARED_PREFIX, shared.get("name").asText());
    assertEquals("asset", shared.get("group").asText());
    List<String> consumers = new ArrayList<>();
    shared.get("scheduled_dags").forEach(d -> {
      Shapes.assertShape("DagScheduleAssetReference", d);
      consumers.add(d.get("dag_id").asText());
    });
    assertEquals(List.of("drops_a", "drops_b"), consumers);
    assertEquals("emo-data-trigger/drops_a", shared.at("/watchers/0/name").asText());
    Shapes.assertShape("AssetWatcherResponse", shared.at("/watchers/0"));

    int id = shared.get("id").asInt();
    Http.Reply one = api.get("/api/v2/assets/" + id);
    assertEquals(200, one.status(), one.text());
    assertEquals(CatalogDagsTestResource.SHARED_PREFIX, one.body().get("uri").asText());
    // ids are stable: asked again, the same
    assertEquals(id, asset(CatalogDagsTestResource.SHARED_PREFIX).get("id").asInt());

    assertEquals(404, api.get("/api/v2/assets/99999").status());
    assertEquals(404, api.get("/api/v2/assets/123456789012345678901234567890").status(),
        "any integer is an id (Python's int): a huge one names no asset");
    Http.assertFails(api.get("/api/v2/assets/abc"), 422, "path.asset_id");
    assertEquals(1, api.get("/api/v2/assets?dag_ids=solo_drops").body().get("total_entries").asInt());
    assertEquals(1, api.get("/api/v2/assets?uri_pattern=solo").body().get("total_entries").asInt());
    assertEquals(2, api.get("/api/v2/assets?name_prefix_pattern=s3://emo/incoming/catalog-")
        .body().get("total_entries").asInt());
    assertEquals(400, api.get("/api/v2/assets?order_by=bogus").status());
    Http.assertFails(api.get("/api/v2/assets?only_active=maybe"), 422, "query.only_active");
  }

  @Test
  void theSameAnnouncementTwiceAtOnceStartsEachConsumersRunOnce() throws Exception {
    int id = asset(CatalogDagsTestResource.SHARED_PREFIX).get("id").asInt();
    String body = "{\"asset_id\": " + id + ", \"extra\": {\"batch\": \"2026-12-02-a\", \"n\": 3}}";
    List<String> before = announcedRuns("drops_a");
    int beforeB = announcedRuns("drops_b").size();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    CountDownLatch go = new CountDownLatch(1);
    try {
      List<CompletableFuture<Http.Reply>> posts = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        posts.add(CompletableFuture.supplyAsync(() -> {
          try {
            go.await();
          } catch (InterruptedException e) {
            throw new IllegalStateException(e);
          }
          return api.post("/api/v2/assets/events", body);
        }, pool));
      }
      go.countDown();
      Http.Reply first = posts.get(0).get();
      Http.Reply second = posts.get(1).get();
      assertEquals(200, first.status(), first.text());
      assertEquals(200, second.status(), second.text());
      Shapes.assertShape("AssetEventResponse", first.body());
      assertEquals(first.body().get("id"), second.body().get("id"), "one event, not two");
      assertEquals(first.body().get("timestamp"), second.body().get("timestamp"));
      JsonNode runs = first.body().get("created_dagruns");
      assertEquals(2, runs.size(), "one run per consuming DAG: " + runs);
      Shapes.assertShape("DagRunAssetReference", runs.get(0));
      assertEquals(id, first.body().get("asset_id").asInt());
      assertEquals("2026-12-02-a", first.body().at("/extra/batch").asText());
      assertEquals(-1, first.body().get("source_map_index").asInt());
      String runId = runs.get(0).get("run_id").asText();
      assertTrue(runId.startsWith(AssetEvents.RUN_ID_PREFIX), runId);
      assertEquals(runId, runs.get(1).get("run_id").asText(), "both DAGs' runs share the id");
    } finally {
      pool.shutdownNow();
    }
    List<String> after = announcedRuns("drops_a");
    assertEquals(before.size() + 1, after.size(), "exactly one new run: " + after);
    assertEquals(beforeB + 1, announcedRuns("drops_b").size(), "drops_b");

    // a retry after the runs finished (a timed-out request tried again) starts nothing either;
    // the key order of extra does not matter
    Http.Reply retry = api.post("/api/v2/assets/events",
        "{\"extra\": {\"n\": 3, \"batch\": \"2026-12-02-a\"}, \"asset_id\": " + id + "}");
    assertEquals(200, retry.status(), retry.text());
    assertEquals(after.size(), announcedRuns("drops_a").size());

    // new data (another extra) is another event and another run
    Http.Reply next = api.post("/api/v2/assets/events",
        "{\"asset_id\": " + id + ", \"extra\": {\"batch\": \"2026-12-02-b\"}}");
    assertEquals(200, next.status(), next.text());
    assertNotEquals(retry.body().get("id"), next.body().get("id"));
    assertEquals(after.size() + 1, announcedRuns("drops_a").size());
  }

  @Test
  void anIdempotencyKeyNamesTheAnnouncementWhateverTheBody() {
    int id = asset(CatalogDagsTestResource.SOLO_PREFIX).get("id").asInt();
    Map<String, String> key = Map.of("Content-Type", "application/json",
        "Idempotency-Key", "upload-77");
    Http.Reply a = api.send("POST", "/api/v2/assets/events", HttpRequest.BodyPublishers.ofString(
        "{\"asset_id\": " + id + ", \"extra\": {\"try\": 1}}"), key);
    Http.Reply b = api.send("POST", "/api/v2/assets/events", HttpRequest.BodyPublishers.ofString(
        "{\"asset_id\": " + id + ", \"extra\": {\"try\": 2}}"), key);
    assertEquals(200, a.status(), a.text());
    assertEquals(a.body().get("id"), b.body().get("id"));
    assertEquals(1, a.body().at("/extra/try").asInt(), "the first request's event stands");
    assertEquals(1, announcedRuns("solo_drops").size());
    assertTrue(a.body().at("/created_dagruns/0/triggering").asBoolean(), a.text());

    // airflowctl 0.1.5 refuses fields newer than Airflow 3.1 (AirflowCtlDialect): the same
    // event, without created_dagruns[].triggering, for its User-Agent only.
    Map<String, String> ctl = Map.of("Content-Type", "application/json",
        "Idempotency-Key", "upload-77", "User-Agent", "apache-airflow-ctl/0.1.5 (Python/3.11.7)");
    Http.Reply c = api.send("POST", "/api/v2/assets/events", HttpRequest.BodyPublishers.ofString(
        "{\"asset_id\": " + id + "}"), ctl);
    assertEquals(200, c.status(), c.text());
    assertEquals(a.body().get("id"), c.body().get("id"));
    assertEquals("solo_drops", c.body().at("/created_dagruns/0/dag_id").asText(), c.text());
    assertFalse(c.body().at("/created_dagruns/0").has("triggering"), c.text());
    assertEquals(1, announcedRuns("solo_drops").size());

    Http.Reply events = api.get("/api/v2/assets/events?asset_id=" + id);
    assertEquals(200, events.status(), events.text());
    Shapes.assertShape("AssetEventCollectionResponse", events.body());
    assertEquals(1, events.body().get("total_entries").asInt(), events.text());
    assertEquals(a.body().get("id"), events.body().at("/asset_events/0/id"));
    assertEquals("solo_drops", events.body().at("/asset_events/0/created_dagruns/0/dag_id").asText());
    JsonNode last = api.get("/api/v2/assets/" + id).body().get("last_asset_event");
    assertEquals(a.body().get("id"), last.get("id"));
    assertEquals(0, api.get("/api/v2/assets/events?asset_id=" + id + "&source_dag_id=x")
        .body().get("total_entries").asInt(), "announced events have no source task");
    assertEquals(0, api.get("/api/v2/assets/events?asset_id=" + id
        + "&timestamp_gt=9999-01-01T00:00:00Z").body().get("total_entries").asInt());
    Http.assertFails(api.get("/api/v2/assets/events?timestamp_gte=yesterday"), 422,
        "query.timestamp_gte");
    Http.assertFails(api.get("/api/v2/assets/events?asset_id=x"), 422, "query.asset_id");
  }

  @Test
  void badAnnouncementsAreRefusedNamingTheField() {
    assertEquals(401, new Http(url.toString()).post("/api/v2/assets/events", "{\"asset_id\": 1}")
        .status(), "announcing needs a token");
    Http.Reply missing = api.post("/api/v2/assets/events", "{\"extra\": {}}");
    Http.assertFails(missing, 422, "body.asset_id");
    Http.assertFails(api.post("/api/v2/assets/events", "{\"asset_id\": null}"), 422, "body.asset_id");
    Http.assertFails(api.post("/api/v2/assets/events", "{\"asset_id\": \"one\"}"), 422, "body.asset_id");
    Http.assertFails(api.post("/api/v2/assets/events", "{\"asset_id\": 1, \"extra\": 5}"), 422,
        "body.extra");
    Http.assertFails(api.post("/api/v2/assets/events", "{\"asset_id\": 1, \"bogus\": 5}"), 422,
        "body.bogus");
    Http.Reply unknown = api.post("/api/v2/assets/events", "{\"asset_id\": 424242}");
    assertEquals(404, unknown.status(), unknown.text());
    assertEquals("Asset with ID: `424242` was not found", unknown.body().get("detail").asText());
  }
}
