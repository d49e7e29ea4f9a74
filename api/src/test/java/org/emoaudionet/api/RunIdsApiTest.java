package org.emoaudionet.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** dag_run_id as Airflow allows it (pattern, 250 characters), and never only dots. */
@QuarkusTest
@WithTestResource(TemporalTestResource.class)
class RunIdsApiTest {
  private static final String RUNS = "/api/v2/dags/recola_arousal/dagRuns";

  @TestHTTPResource("/")
  URL url;

  private Http api;

  @BeforeEach
  void login() {
    api = Http.admin(url.toString());
  }

  private Http.Reply trigger(String runId) {
    return api.post(RUNS, "{\"logical_date\": null, \"dag_run_id\": \"" + runId + "\", \"conf\":"
        + " {\"dataset_uri\": \"/synthetic/recola\", \"epochs\": 1}}");
  }

  private void assertRefused(String runId, String type) {
    Http.Reply r = trigger(runId);
    Http.assertFails(r, 422, "body.dag_run_id");
    assertEquals(type, r.body().at("/detail/0/type").asText(), runId + ": " + r.text());
  }

  /** '.' and '..' are removed by URL normalisation: such a run could never be fetched. */
  @Test
  void allDotIdsAreRefused() {
    assertRefused(".", "value_error");
    assertRefused("..", "value_error");
    assertRefused("...", "value_error");
    assertRefused("....", "value_error");
    assertEquals(200, trigger("v1.2..3").status(), "dots among other characters are fine");
    assertEquals(200, api.get(RUNS + "/v1.2..3").status());
  }

  @Test
  void idsFollowAirflowsAllowedPatternAndLength() {
    assertRefused("a/b", "string_pattern_mismatch");
    assertRefused("a b", "string_pattern_mismatch");
    assertRefused("", "string_pattern_mismatch");
    assertRefused("r".repeat(RunIds.MAX_LENGTH + 1), "string_too_long");
    assertEquals(200, trigger("ok_~:+-." + "r".repeat(RunIds.MAX_LENGTH - 8)).status());
  }

  /** Too long to be a workflow id: answered 404 here, not a 503 from Temporal. */
  @Test
  void aLookupOfAnImpossiblyLongIdIs404() {
    Http.Reply r = api.get(RUNS + "/" + "x".repeat(RunIds.MAX_WORKFLOW_ID));
    assertEquals(404, r.status(), r.text());
    assertTrue(r.body().get("detail").asText().contains("was not found"), r.text());
  }
}
