package org.emoaudionet.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import org.junit.jupiter.api.Test;

/** The document is served without a token (a client reads it before logging in), as JSON. */
@QuarkusTest
@WithTestResource(TemporalTestResource.class)
class OpenApiEndpointTest {
  @TestHTTPResource("/")
  URL url;

  @Test
  void theDocumentIsPublicAtBothAirflowUrls() {
    Http anon = new Http(url.toString());
    for (String path : new String[] {"/api/v2/openapi.json", "/openapi.json"}) {
      Http.Reply r = anon.get(path);
      assertEquals(200, r.status(), path + ": " + r.text());
      assertTrue(r.body().at("/openapi").asText().startsWith("3."), path + ": " + r.text());
      assertTrue(r.body().at("/paths").has("/api/v2/dags/{dag_id}/dagRuns"), path);
    }
    // Only the document is public: its neighbours still need a token.
    assertEquals(401, anon.get("/api/v2/dags").status());
  }
}
