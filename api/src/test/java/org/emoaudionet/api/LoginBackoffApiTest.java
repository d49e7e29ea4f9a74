package org.emoaudionet.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import org.junit.jupiter.api.Test;

/**
 * POST /auth/token backs off after repeated failures, even for the right password (the test
 * profile's window is 2 s: application.properties, so that this test waits it out quickly).
 */
@QuarkusTest
@WithTestResource(TemporalTestResource.class)
class LoginBackoffApiTest {
  @TestHTTPResource("/")
  URL url;

  private Http.Reply login(Http anon, String password) {
    return anon.post("/auth/token", "{\"username\":\"admin\",\"password\":\"" + password + "\"}");
  }

  @Test
  void fiveFailuresThen429WithRetryAfterUntilTheWindowPasses() throws InterruptedException {
    Http anon = new Http(url.toString());
    for (int i = 0; i < 5; i++) assertEquals(401, login(anon, "wrong-" + i).status());
    Http.Reply blocked = login(anon, TemporalTestResource.ADMIN_PASSWORD);
    assertEquals(429, blocked.status(), "the right password too: " + blocked.text());
    long retryAfter = Long.parseLong(blocked.headers().firstValue("Retry-After").orElseThrow());
    assertTrue(retryAfter >= 1 && retryAfter <= 2, "Retry-After " + retryAfter);
    assertTrue(blocked.body().get("detail").asText().contains("Too many failed logins"),
        blocked.text());
    Http.Reply form = anon.send("POST", "/auth/token", "username=admin&password="
        + TemporalTestResource.ADMIN_PASSWORD, "application/x-www-form-urlencoded");
    assertEquals(429, form.status(), "a form login is the same endpoint");

    Thread.sleep(retryAfter * 1000 + 200);
    assertEquals(201, login(anon, TemporalTestResource.ADMIN_PASSWORD).status(),
        "after the window");
    for (int i = 0; i < 4; i++) assertEquals(401, login(anon, "again-" + i).status());
    assertEquals(201, login(anon, TemporalTestResource.ADMIN_PASSWORD).status(),
        "the success reset the count: four more failures do not block");
  }
}
