package org.emoaudionet.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every query parameter Airflow documents for {@code GET /api/v2/dags} (read from the served
 * document, so a parameter added there fails here until it is handled) either filters the
 * listing or is refused with a 422 naming it.
 */
@QuarkusTest
@WithTestResource(CatalogDagsTestResource.class)
class DagFiltersApiTest {
  @TestHTTPResource("/")
  URL url;

  private Http api;

  @BeforeEach
  void login() {
    api = Http.admin(url.toString());
  }

  private List<String> ids(String query) {
    Http.Reply r = api.get("/api/v2/dags?limit=100&" + query);
    assertEquals(200, r.status(), query + ": " + r.text());
    List<String> out = new ArrayList<>();
    r.body().get("dags").forEach(d -> out.add(d.get("dag_id").asText()));
    return out;
  }

  /** What a query must list; null: it must be a 422 naming its parameter. */
  private record Case(String query, List<String> expected) {}

  private static final List<String> DROPS = List.of("drops_a", "drops_b", "solo_drops");

  @Test
  void everyDocumentedFilterIsAppliedOrRefused() {
    int all = ids("").size();
    Map<String, List<Case>> cases = new LinkedHashMap<>();
    cases.put("limit", List.of(new Case("limit=x", null)));
    cases.put("offset", List.of(new Case("offset=-1", null)));
    cases.put("tags", List.of(new Case("tags=drops", DROPS)));
    cases.put("tags_match_mode", List.of(new Case("tags_match_mode=some", null)));
    cases.put("owners", List.of(new Case("owners=nobody", List.of())));
    cases.put("dag_id_pattern", List.of(new Case("dag_id_pattern=DROPS_", List.of("drops_a", "drops_b"))));
    cases.put("dag_id_prefix_pattern", List.of(new Case("dag_id_prefix_pattern=drops_", List.of("drops_a", "drops_b")),
        new Case("dag_id_prefix_pattern=DROPS_", List.of())));
    cases.put("dag_display_name_pattern", List.of(new Case("dag_display_name_pattern=solo", List.of("solo_drops"))));
    cases.put("dag_display_name_prefix_pattern", List.of(new Case("dag_display_name_prefix_pattern=solo_", List.of("solo_drops"))));
    cases.put("exclude_stale", List.of(new Case("exclude_stale=maybe", null)));
    cases.put("paused", List.of(new Case("paused=maybe", null)));
    cases.put("has_import_errors", List.of(new Case("has_import_errors=true", List.of()),
        new Case("has_import_errors=maybe", null)));
    cases.put("last_dag_run_state", List.of(new Case("last_dag_run_state=done", null),
        new Case("last_dag_run_state=failed&dag_id_prefix_pattern=drops_", List.of())));
    cases.put("bundle_name", List.of(new Case("bundle_name=other", List.of())));
    cases.put("bundle_version", List.of(new Case("bundle_version=v1", List.of())));
    cases.put("has_asset_schedule", List.of(new Case("has_asset_schedule=true", DROPS),
        new Case("has_asset_schedule=x", null)));
    cases.put("asset_dependency", List.of(new Case("asset_dependency=catalog-solo", List.of("solo_drops"))));
    for (String f : List.of("start", "end")) {
      for (String op : List.of("gte", "gt", "lte", "lt")) {
        String name = "dag_run_" + f + "_date_" + op;
        // a latest run no run can have (after 9999 or before 2000), whatever ran before
        String never = op.startsWith("g") ? "9999-01-01T00:00:00Z" : "2000-01-01T00:00:00Z";
        cases.put(name, List.of(new Case(name + "=soon", null), new Case(name + "=" + never, List.of())));
      }
    }
    cases.put("dag_run_state", List.of(new Case("dag_run_state=done", null),
        new Case("dag_run_state=failed&dag_id_prefix_pattern=solo", List.of())));
    cases.put("order_by", List.of(new Case("order_by=-dag_id&dag_id_prefix_pattern=drops_",
        List.of("drops_b", "drops_a"))));
    cases.put("is_favorite", List.of(new Case("is_favorite=true", List.of()),
        new Case("is_favorite=x", null)));
    cases.put("timetable_type", List.of(new Case("timetable_type=AssetTriggeredTimetable", DROPS),
        new Case("timetable_type=airflow.timetables.simple.NullTimetable&tags=drops", List.of())));

    Set<String> documented = new TreeSet<>();
    Shapes.doc().at("/paths/~1api~1v2~1dags/get/parameters")
        .forEach(p -> documented.add(p.get("name").asText()));
    assertEquals(documented, new TreeSet<>(cases.keySet()), "a case for each documented parameter");
    for (Map.Entry<String, List<Case>> e : cases.entrySet()) {
      for (Case c : e.getValue()) {
        if (c.expected() == null) {
          Http.Reply r = api.get("/api/v2/dags?" + c.query());
          assertEquals(422, r.status(), c.query() + ": " + r.text());
          assertEquals(e.getKey(), r.body().at("/detail/0/loc/1").asText(), c.query());
        } else {
          assertEquals(c.expected(), ids(c.query()), c.query());
        }
      }
    }
    assertEquals(all, ids("is_favorite=false&has_import_errors=false&exclude_stale=true").size());
  }

  @Test
  void dagRunFiltersLookAtTheLatestRun() throws Exception {
    Http.Reply run = api.post("/api/v2/dags/solo_drops/dagRuns", "{\"logical_date\": null,"
        + " \"dag_run_id\": \"filters-1\", \"conf\": {\"dataset_uri\": \"s3://emo/in/x/\"}}");
    assertEquals(200, run.status(), run.text());
    JsonNode last = null;
    for (int i = 0; i < 100; i++) {
      last = api.get("/api/v2/dags/solo_drops/dagRuns/filters-1").body();
      if ("success".equals(last.path("state").asText())) break;
      Thread.sleep(100);
    }
    assertEquals("success", last.path("state").asText(), last.toString());
    assertEquals(List.of("solo_drops"), ids("last_dag_run_state=success&dag_id_prefix_pattern=solo"));
    assertEquals(List.of("solo_drops"), ids("dag_run_state=success&dag_run_state=failed"
        + "&dag_id_prefix_pattern=solo"));
    assertEquals(List.of("solo_drops"), ids("dag_run_start_date_gte=2000-01-01T00:00:00Z"
        + "&dag_run_end_date_lte=9999-01-01T00:00:00Z&dag_id_prefix_pattern=solo"));
    assertTrue(ids("dag_run_end_date_lt=2000-01-01T00:00:00Z").isEmpty());
  }
}
