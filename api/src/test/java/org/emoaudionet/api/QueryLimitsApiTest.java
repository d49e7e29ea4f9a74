package org.emoaudionet.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every query parameter bounded: integers parsed as pydantic does, strings at most 250 long. */
@QuarkusTest
@WithTestResource(TemporalTestResource.class)
class QueryLimitsApiTest {
  private static final String RUNS = "/api/v2/dags/recola_arousal/dagRuns";

  @TestHTTPResource("/")
  URL url;

  private Http api;

  @BeforeEach
  void login() {
    api = Http.admin(url.toString());
  }

  @Test
  void limitAndOffsetAreNonNegativeIntegers() {
    Http.assertFails(api.get("/api/v2/dags?limit=abc"), 422, "query.limit");
    Http.assertFails(api.get("/api/v2/dags?offset=-1"), 422, "query.offset");
    Http.assertFails(api.get(RUNS + "?offset=1e3"), 422, "query.offset");
    Http.assertFails(api.get(RUNS + "/x/taskInstances?limit=-5"), 422, "query.limit");
    // Over maximum_page_limit is cut to it, as Airflow does, however many digits it has.
    Http.Reply clamped = api.get("/api/v2/dags?limit=99999999999999999999&offset=1");
    assertEquals(200, clamped.status(), clamped.text());
    assertEquals(clamped.body().get("total_entries").asInt() - 1, clamped.body().get("dags").size());
    Http.Reply far = api.get("/api/v2/dags?offset=99999999999999999999");
    assertEquals(0, far.body().get("dags").size(), far.text());
  }

  @Test
  void everyStringQueryParameterIsAtMost250Characters() {
    String ok = "x".repeat(QueryLimits.MAX_CHARS);
    String tooLong = ok + "x";
    assertEquals(200, api.get("/api/v2/dags?dag_id_pattern=" + ok).status());
    Http.assertFails(api.get("/api/v2/dags?dag_id_pattern=" + tooLong), 422, "query.dag_id_pattern");
    Http.assertFails(api.get("/api/v2/dags?dag_display_name_pattern=" + tooLong), 422,
        "query.dag_display_name_pattern");
    Http.assertFails(api.get(RUNS + "?run_id_pattern=" + tooLong), 422, "query.run_id_pattern");
    Http.assertFails(api.get("/api/v2/dags?tags=a&tags=" + tooLong), 422, "query.tags");
    Http.assertFails(api.get(RUNS + "?order_by=" + tooLong), 422, "query.order_by");
    Http.Reply r = api.get(RUNS + "?state=" + tooLong);
    assertEquals("string_too_long", r.body().at("/detail/0/type").asText(), r.text());
    assertEquals(401, new Http(url.toString()).get("/api/v2/dags?dag_id_pattern=" + tooLong)
        .status(), "authentication first: an anonymous caller learns nothing more");
  }
}
