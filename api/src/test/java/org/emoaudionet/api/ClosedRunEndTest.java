package org.emoaudionet.api;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import org.junit.jupiter.api.Test;

/**
 * Regression (schemathesis, SchemathesisIT): two requests ending one run at once, such as PATCH
 * state=failed while a DELETE goes through, both saw it open; the second one's terminate hit a
 * closed workflow, Temporal's WorkflowNotFoundException went unmapped, and the answer was a 500.
 * Ending a run that is already closed is a no-op: it is where the caller wanted it.
 */
@QuarkusTest
@WithTestResource(TemporalTestResource.class)
class ClosedRunEndTest {
  @TestHTTPResource("/")
  URL url;

  @Inject RunRepository runs;

  @Test
  void endingARunThatIsAlreadyClosedIsANoOp() throws InterruptedException {
    Http anon = new Http(url.toString());
    Http.Reply login = anon.post("/auth/token",
        "{\"username\":\"admin\",\"password\":\"" + TemporalTestResource.ADMIN_PASSWORD + "\"}");
    Http api = anon.withToken(login.body().get("access_token").asText());
    Http.Reply r = api.post("/api/v2/dags/recola_arousal/dagRuns", "{\"logical_date\": null, \"dag_run_id\": \"closed_end\","
        + " \"conf\": {\"dataset_uri\": \"/synthetic/recola\", \"extra\": {\"hold_ms\": \"60000\"}}}");
    assertEquals(200, r.status(), r.text());

    RunRecord stale = runs.find("recola_arousal", "closed_end").orElseThrow();
    assertTrue(stale.open());
    runs.terminate(stale, "first of two concurrent ends");
    for (int i = 0; i < 50 && runs.find("recola_arousal", "closed_end").orElseThrow().open(); i++) {
      Thread.sleep(100);
    }
    assertFalse(runs.find("recola_arousal", "closed_end").orElseThrow().open());

    // The second caller still holds the record from before: open, as far as it knows.
    assertDoesNotThrow(() -> runs.terminate(stale, "second of two concurrent ends"));
    assertDoesNotThrow(() -> runs.cancel(stale));
  }
}
