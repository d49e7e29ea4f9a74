package org.emoaudionet.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Variables: Airflow's CRUD, persisted in the state folder, sensitive values masked. */
@QuarkusTest
@WithTestResource(CatalogDagsTestResource.class)
class VariablesApiTest {
  @TestHTTPResource("/")
  URL url;

  @Inject ApiSettings settings;

  private Http api;

  @BeforeEach
  void login() {
    api = Http.admin(url.toString());
  }

  @Test
  void createReadPatchDeleteAndPersist() throws Exception {
    Http.Reply created = api.post("/api/v2/variables",
        "{\"key\": \"team/threshold\", \"value\": \"0.75\", \"description\": \"cut-off\"}");
    assertEquals(201, created.status(), created.text());
    Shapes.assertShape("VariableResponse", created.body());
    assertEquals("0.75", created.body().get("value").asText());
    assertFalse(created.body().get("is_encrypted").asBoolean());
    Http.Reply again = api.post("/api/v2/variables", "{\"key\": \"team/threshold\", \"value\": 1}");
    assertEquals(409, again.status(), again.text());
    assertEquals("The Variable with key: `team/threshold` already exists",
        again.body().get("detail").asText());

    assertEquals("cut-off", api.get("/api/v2/variables/team/threshold").body()
        .get("description").asText(), "keys may hold slashes");
    Http.Reply mismatch = api.patch("/api/v2/variables/team/threshold",
        "{\"key\": \"other\", \"value\": \"1\"}");
    assertEquals(400, mismatch.status(), mismatch.text());
    Http.Reply masked = api.patch("/api/v2/variables/team/threshold?update_mask=value",
        "{\"key\": \"team/threshold\", \"value\": {\"level\": 0.8}, \"description\": \"ignored\"}");
    assertEquals(200, masked.status(), masked.text());
    assertEquals("{\"level\":0.8}", masked.body().get("value").asText(), "JSON stored as JSON");
    assertEquals("cut-off", masked.body().get("description").asText(), "update_mask kept it");

    Path file = settings.apiStateDir().resolve("variables.json");
    assertTrue(Files.readString(file).contains("team/threshold"));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));

    Http.Reply list = api.get("/api/v2/variables?variable_key_prefix_pattern=team/");
    Shapes.assertShape("VariableCollectionResponse", list.body());
    assertEquals(1, list.body().get("total_entries").asInt());
    assertEquals(204, api.delete("/api/v2/variables/team/threshold").status());
    assertEquals(404, api.get("/api/v2/variables/team/threshold").status());
    assertEquals(404, api.delete("/api/v2/variables/team/threshold").status());
    assertFalse(Files.readString(file).contains("team/threshold"));
  }

  @Test
  void sensitiveValuesAreMaskedAsAirflowDoes() {
    assertEquals(201, api.post("/api/v2/variables",
        "{\"key\": \"smtp_password\", \"value\": \"hunter2\"}").status());
    assertEquals(201, api.post("/api/v2/variables",
        "{\"key\": \"MY_API_TOKEN\", \"value\": 123456}").status());
    assertEquals(201, api.post("/api/v2/variables", "{\"key\": \"mail\", \"value\":"
        + " {\"host\": \"smtp\", \"auth\": {\"secret\": \"s3cr3t\", \"user\": \"bob\"}}}").status());
    JsonNode pw = api.get("/api/v2/variables/smtp_password").body();
    assertEquals("***", pw.get("value").asText());
    assertEquals("***", api.get("/api/v2/variables/MY_API_TOKEN").body().get("value").asText(),
        "case-insensitive, numbers too");
    String mail = api.get("/api/v2/variables/mail").body().get("value").asText();
    assertTrue(mail.contains("\"secret\":\"***\"") && mail.contains("\"user\":\"bob\"")
        && !mail.contains("s3cr3t"), mail);
    String listing = api.get("/api/v2/variables?limit=100").text();
    assertFalse(listing.contains("hunter2") || listing.contains("s3cr3t") || listing.contains("123456"),
        listing);
  }

  @Test
  void badBodiesAre422NamingTheField() {
    Http.assertFails(api.post("/api/v2/variables", "{\"value\": \"x\"}"), 422, "body.key");
    Http.assertFails(api.post("/api/v2/variables", "{\"key\": \"k\"}"), 422, "body.value");
    Http.Reply nullKey = api.post("/api/v2/variables", "{\"key\": null, \"value\": 1}");
    Http.assertFails(nullKey, 422, "body.key");
    assertEquals(1, nullKey.body().get("detail").size(), nullKey.text());
    Http.assertFails(api.patch("/api/v2/variables/k", "{\"key\": null, \"value\": 1}"), 422, "body.key");
    assertEquals(401, new Http(url.toString()).get("/api/v2/variables").status());
    Http.assertFails(api.post("/api/v2/variables", "{\"key\": \"k\", \"value\": 1, \"x\": 1}"),
        422, "body.x");
    Http.assertFails(api.post("/api/v2/variables",
        "{\"key\": \"k\", \"value\": 1, \"team_name\": \"t\"}"), 422, "body.team_name");
    Http.assertFails(api.post("/api/v2/variables", "{\"key\": \"" + "k".repeat(251)
        + "\", \"value\": 1}"), 422, "body.key");
    assertEquals(400, api.get("/api/v2/variables?order_by=nope").status());
  }
}
