package org.emoaudionet.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** GET .../wait is bounded: a run that never finishes ends the stream after the limit. */
@QuarkusTest
@WithTestResource(TemporalTestResource.class)
class DagRunWaitApiTest {
  private static final String RUNS = "api/v2/dags/recola_valence/dagRuns";

  @TestHTTPResource("/")
  URL url;

  @Test
  void aWaitForARunThatStaysQueuedEndsAfterTheConfiguredLimit() throws Exception {
    Http api = Http.admin(url.toString());
    Http.Reply r = api.post("/" + RUNS, "{\"logical_date\": null, \"dag_run_id\": \"wait-held\","
        + " \"conf\": {\"dataset_uri\": \"/d\", \"extra\": {\"hold_ms\": \"600000\"}}}");
    assertEquals(200, r.status(), r.text());
    String token = Http.JSON.readTree(new Http(url.toString()).post("/auth/token",
        "{\"username\":\"admin\",\"password\":\"" + TemporalTestResource.ADMIN_PASSWORD + "\"}")
        .text()).get("access_token").asText();
    long t0 = System.nanoTime();
    HttpResponse<String> w = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create(url + RUNS + "/wait-held/wait?interval=0.5"))
        .header("Authorization", "Bearer " + token).header("Accept", "application/x-ndjson")
        .GET().build(), HttpResponse.BodyHandlers.ofString());
    double seconds = (System.nanoTime() - t0) / 1e9;
    assertEquals(200, w.statusCode(), w.body());
    String[] lines = w.body().strip().split("\n");
    // emo.api.wait-max-seconds=4 in the tests: about 8 polls, then the stream ends
    assertTrue(seconds >= 3 && seconds < 15, seconds + " s");
    assertTrue(lines.length >= 4 && lines.length <= 10, w.body());
    for (String l : lines) {
      assertEquals("queued", Http.JSON.readTree(l).get("state").asText(), w.body());
    }
    assertTrue(w.headers().firstValue("Content-Type").orElse("").startsWith("application/x-ndjson"),
        w.headers().toString());
    assertEquals(204, api.delete("/" + RUNS + "/wait-held").status());
  }
}
