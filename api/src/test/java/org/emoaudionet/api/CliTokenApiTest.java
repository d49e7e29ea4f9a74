package org.emoaudionet.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** {@code POST /auth/token/cli}, what {@code airflowctl auth login --username --password} posts. */
@QuarkusTest
@WithTestResource(TemporalTestResource.class)
class CliTokenApiTest {
  @TestHTTPResource("/")
  URL url;

  @Test
  void theCliLoginGivesAWorkingTokenThatLivesAnHourAndRefusesABadPassword() throws Exception {
    Http anon = new Http(url.toString());
    Http.Reply r = anon.post("/auth/token/cli",
        "{\"username\":\"admin\",\"password\":\"" + TemporalTestResource.ADMIN_PASSWORD + "\"}");
    assertEquals(201, r.status(), r.text());
    String token = r.body().get("access_token").asText();
    JsonNode claims = Http.JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
    assertEquals(3600, claims.get("exp").asLong() - claims.get("iat").asLong(),
        "Airflow's jwt_cli_expiration_time");
    assertEquals(200, anon.withToken(token).get("/api/v2/dags").status());

    Http.Reply bad = anon.post("/auth/token/cli", "{\"username\":\"admin\",\"password\":\"no\"}");
    assertEquals(401, bad.status(), bad.text());
    Http.Reply missing = anon.post("/auth/token/cli", "{\"username\":\"admin\"}");
    assertEquals(422, missing.status(), missing.text());
    // A success clears the failure count the login back-off keeps (shared by every test class
    // of this Quarkus app), so this test leaves none behind.
    assertEquals(201, anon.post("/auth/token/cli", "{\"username\":\"admin\",\"password\":\""
        + TemporalTestResource.ADMIN_PASSWORD + "\"}").status());
  }
}
