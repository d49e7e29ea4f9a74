package org.emoaudionet.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The {@code *_pattern} filters over HTTP: ILIKE semantics, and hostile patterns answer fast. */
@QuarkusTest
@WithTestResource(TemporalTestResource.class)
class PatternFilterApiTest {
  /** A run id of the longest length Airflow allows. */
  static final String LONG_RUN_ID = "a".repeat(250);
  private static final String RUNS = "/api/v2/dags/~/dagRuns";

  @TestHTTPResource("/")
  URL url;

  private Http api;

  @BeforeEach
  void login() {
    api = Http.admin(url.toString());
  }

  private static List<String> dagIds(JsonNode collection) {
    List<String> out = new ArrayList<>();
    collection.get("dags").forEach(d -> out.add(d.get("dag_id").asText()));
    return out;
  }

  private static List<String> runIds(JsonNode collection) {
    List<String> out = new ArrayList<>();
    collection.get("dag_runs").forEach(d -> out.add(d.get("dag_run_id").asText()));
    return out;
  }

  private Http.Reply timed(String path, long[] ms) {
    api.get(path); // warm the path (first-use class loading), then measure
    long t0 = System.nanoTime();
    Http.Reply r = api.get(path);
    ms[0] = (System.nanoTime() - t0) / 1_000_000;
    return r;
  }

  @Test
  void dagPatternsAreIlikeWithUnderscoreAlternativesAndNoCase() {
    assertEquals(List.of("recola_arousal", "recola_valence"),
        dagIds(api.get("/api/v2/dags?dag_id_pattern=recola%25").body()));
    assertEquals(List.of("recola_arousal"),
        dagIds(api.get("/api/v2/dags?dag_id_pattern=RECOLA_AROUS").body()), "case");
    assertEquals(List.of("recola_arousal", "recola_valence"),
        dagIds(api.get("/api/v2/dags?dag_id_pattern=recola_a%7Crecola_v").body()), "alternatives");
    assertEquals(List.of("recola_valence"),
        dagIds(api.get("/api/v2/dags?dag_display_name_pattern=_ecola_v_lence").body()), "_");
    assertEquals(List.of(), dagIds(api.get("/api/v2/dags?dag_id_pattern=recola%5C_x").body()),
        "an escaped _ is literal");
  }

  /** Nine '%' then '!' made the old regex translation backtrack for ever. */
  @Test
  void nineWildcardsThenAMissingCharacterAnswersWellUnderASecond() {
    String nine = "%25".repeat(9) + "!";
    long[] ms = new long[1];
    Http.Reply r = timed("/api/v2/dags?dag_id_pattern=" + nine, ms);
    assertEquals(200, r.status(), r.text());
    assertEquals(0, r.body().get("total_entries").asInt());
    assertTrue(ms[0] < 1000, "dag_id_pattern took " + ms[0] + " ms");
    long[] ms2 = new long[1];
    Http.Reply byName = timed("/api/v2/dags?dag_display_name_pattern=" + nine, ms2);
    assertEquals(0, byName.body().get("total_entries").asInt(), byName.text());
    assertTrue(ms2[0] < 1000, "dag_display_name_pattern took " + ms2[0] + " ms");
    System.out.println("PatternFilterApiTest: nine-% dag_id_pattern " + ms[0]
        + " ms, dag_display_name_pattern " + ms2[0] + " ms");
  }

  /** '%a%a%a%a%b' on a 250-character run id: O(n^6) for the regex, one pass now. */
  @Test
  void repeatedPiecesAgainstALongRunIdAnswerWellUnderASecond() {
    Http.Reply t = api.post("/api/v2/dags/recola_valence/dagRuns", "{\"logical_date\": null,"
        + " \"dag_run_id\": \"" + LONG_RUN_ID + "\", \"conf\": {\"dataset_uri\": \"/synthetic/recola\","
        + " \"epochs\": 1}}");
    assertTrue(t.status() == 200 || t.status() == 409, t.text()); // 409: an earlier test run
    long[] ms = new long[1];
    Http.Reply r = timed(RUNS + "?run_id_pattern=%25a%25a%25a%25a%25b", ms);
    assertEquals(200, r.status(), r.text());
    assertFalse(runIds(r.body()).contains(LONG_RUN_ID), r.text());
    assertTrue(ms[0] < 1000, "run_id_pattern took " + ms[0] + " ms");
    System.out.println("PatternFilterApiTest: %a%a%a%a%b run_id_pattern " + ms[0] + " ms");
    Http.Reply hit = api.get(RUNS + "?run_id_pattern=%25a%25a%25a%25a%25a");
    assertTrue(runIds(hit.body()).contains(LONG_RUN_ID), hit.text());
  }
}
