package org.emoaudionet.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The read-only platform views: config (secrets never shown) and pools (one per task queue). */
@QuarkusTest
@WithTestResource(CatalogDagsTestResource.class)
class ConfigPoolsApiTest {
  @TestHTTPResource("/")
  URL url;

  private Http api;

  @BeforeEach
  void login() {
    api = Http.admin(url.toString());
  }

  private static String option(JsonNode config, String section, String key) {
    for (JsonNode s : config.get("sections")) {
      if (!s.get("name").asText().equals(section)) continue;
      for (JsonNode o : s.get("options")) if (o.get("key").asText().equals(key)) return o.get("value").asText();
    }
    throw new AssertionError("no [" + section + "] " + key + " in " + config);
  }

  @Test
  void configShowsTheEffectiveSettingsButNoSecret() {
    Http.Reply r = api.get("/api/v2/config");
    assertEquals(200, r.status(), r.text());
    Shapes.assertShape("Config", r.body());
    Shapes.assertShape("ConfigSection", r.body().at("/sections/0"));
    Shapes.assertShape("ConfigOption", r.body().at("/sections/0/options/0"));
    assertEquals("100", option(r.body(), "api", "maximum_page_limit"));
    assertEquals("86400", option(r.body(), "api_auth", "jwt_expiration_time"));
    assertTrue(option(r.body(), "core", "dags_folder").endsWith("dags"), r.text());
    assertEquals(PlatformConfig.HIDDEN, option(r.body(), "api_auth", "admin_password"));
    assertEquals(PlatformConfig.HIDDEN, option(r.body(), "api_auth", "jwt_secret"));
    assertEquals(PlatformConfig.HIDDEN, option(r.body(), "s3", "secret_key"));
    assertFalse(r.text().contains(TemporalTestResource.ADMIN_PASSWORD), "the admin password leaked");
    assertFalse(r.text().contains(TemporalTestResource.S3_SECRET), "the S3 secret leaked");

    Http.Reply section = api.get("/api/v2/config?section=temporal");
    assertEquals(1, section.body().get("sections").size());
    assertEquals("emo-cpu,emo-gpu", option(section.body(), "temporal", "task_queues"));
    assertEquals(404, api.get("/api/v2/config?section=nope").status());

    Http.Reply one = api.get("/api/v2/config/section/api_auth/option/admin_password");
    assertEquals(200, one.status(), one.text());
    assertEquals(PlatformConfig.HIDDEN, option(one.body(), "api_auth", "admin_password"));
    Http.Reply missing = api.get("/api/v2/config/section/api/option/nope");
    assertEquals(404, missing.status());
    assertEquals("Option [api/nope] not found.", missing.body().get("detail").asText());

    Http.Reply text = api.send("GET", "/api/v2/config/section/api/option/maximum_page_limit",
        HttpRequest.BodyPublishers.noBody(), Map.of("Accept", "text/plain"));
    assertEquals(200, text.status(), text.text());
    assertEquals("[api]\nmaximum_page_limit = 100\n", text.text());
    Http.Reply all = api.send("GET", "/api/v2/config", HttpRequest.BodyPublishers.noBody(),
        Map.of("Accept", "text/plain"));
    assertTrue(all.text().startsWith("[core]\n") && all.text().contains("\n\n[api]\n"), all.text());
    assertFalse(all.text().contains(TemporalTestResource.ADMIN_PASSWORD));
    assertEquals(406, api.send("GET", "/api/v2/config", HttpRequest.BodyPublishers.noBody(),
        Map.of("Accept", "image/png")).status());
  }

  @Test
  void poolsAreDefaultPoolAndOnePerTaskQueue() {
    Http.Reply r = api.get("/api/v2/pools");
    assertEquals(200, r.status(), r.text());
    Shapes.assertShape("PoolCollectionResponse", r.body());
    List<String> names = new ArrayList<>();
    for (JsonNode p : r.body().get("pools")) {
      Shapes.assertShape("PoolResponse", p);
      names.add(p.get("name").asText());
      // other tests in this JVM may leave more running tasks than slots: open never goes below 0
      assertEquals(Math.max(0, p.get("slots").asInt() - p.get("occupied_slots").asInt()),
          p.get("open_slots").asInt(), p.toString());
    }
    assertEquals(List.of("default_pool", "emo-cpu", "emo-gpu"), names);
    JsonNode gpu = api.get("/api/v2/pools/emo-gpu").body();
    assertEquals(1, gpu.get("slots").asInt(), "one training per worker; the test server reports"
        + " no pollers, so one worker is assumed: " + gpu);
    JsonNode all = api.get("/api/v2/pools/default_pool").body();
    assertEquals(201, all.get("slots").asInt(), all.toString());
    assertEquals(404, api.get("/api/v2/pools/nope").status());
    assertEquals(1, api.get("/api/v2/pools?pool_name_pattern=gpu").body().get("total_entries").asInt());
    assertEquals(2, api.get("/api/v2/pools?pool_name_prefix_pattern=emo-").body()
        .get("total_entries").asInt());
    assertEquals("emo-gpu", api.get("/api/v2/pools?order_by=-name").body().at("/pools/0/name").asText());
    // read-only: Airflow's writes are not served
    assertEquals(405, api.post("/api/v2/pools", "{\"name\": \"x\", \"slots\": 1}").status());
  }
}
