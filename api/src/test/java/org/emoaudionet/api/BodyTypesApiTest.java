package org.emoaudionet.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Null and wrong-type body fields are a 422 naming the field, never a 500. */
@QuarkusTest
@WithTestResource(TemporalTestResource.class)
class BodyTypesApiTest {
  private static final String RUNS = "/api/v2/dags/recola_arousal/dagRuns";

  @TestHTTPResource("/")
  URL url;

  private Http api;

  @BeforeEach
  void login() {
    api = Http.admin(url.toString());
  }

  private void assertType(Http.Reply r, String field, String type) {
    Http.assertFails(r, 422, "body." + field);
    assertEquals(type, r.body().at("/detail/0/type").asText(), r.text());
  }

  /** {"is_paused": null} was an unboxing NullPointerException: a 500. */
  @Test
  void isPausedMustBeABooleanOnBothDagPatches() {
    assertType(api.patch("/api/v2/dags/recola_arousal", "{\"is_paused\": null}"), "is_paused",
        "bool_type");
    assertType(api.patch("/api/v2/dags?dag_id_pattern=~", "{\"is_paused\": null}"), "is_paused",
        "bool_type");
    assertType(api.patch("/api/v2/dags?dag_id_pattern=~", "{\"is_paused\": \"yes\"}"), "is_paused",
        "bool_type");
    assertType(api.patch("/api/v2/dags/recola_arousal", "{\"is_paused\": 1}"), "is_paused",
        "bool_type");
    assertType(api.patch("/api/v2/dags?dag_id_pattern=~", "{}"), "is_paused", "missing");
    assertFalse(api.get("/api/v2/dags?paused=true").text().contains("recola_arousal"),
        "a refused PATCH pauses nothing");
  }

  @Test
  void triggerFieldsOfTheWrongTypeAreNamed() {
    assertType(api.post(RUNS, "{\"logical_date\": 5}"), "logical_date", "string_type");
    assertType(api.post(RUNS, "{\"logical_date\": \"yesterday\"}"), "logical_date",
        "datetime_from_date_parsing");
    assertType(api.post(RUNS, "{\"logical_date\": \"+999999999-12-31T23:59:59Z\"}"),
        "logical_date", "datetime_parsing"); // java.time reads it; Python's datetime cannot
    assertType(api.post(RUNS, "{\"logical_date\": null, \"conf\": \"epochs=1\"}"), "conf",
        "dict_type");
    assertType(api.post(RUNS, "{\"logical_date\": null, \"conf\": [1]}"), "conf", "dict_type");
    assertType(api.post(RUNS, "{\"logical_date\": null, \"dag_run_id\": 7}"), "dag_run_id",
        "string_type");
    assertType(api.post(RUNS, "{\"logical_date\": null, \"dag_run_id\": {}}"), "dag_run_id",
        "string_type");
    assertType(api.post(RUNS, "{\"logical_date\": null, \"note\": false}"), "note", "string_type");
    assertType(api.post(RUNS, "{\"logical_date\": null, \"note\": \"" + "n".repeat(1001) + "\"}"),
        "note", "string_too_long");
    assertType(api.post(RUNS, "{\"logical_date\": null, \"run_after\": []}"), "run_after",
        "string_type");
    assertType(api.post(RUNS, "{\"logical_date\": null, \"partition_key\": \""
        + "p".repeat(251) + "\"}"), "partition_key", "string_too_long");
  }

  @Test
  void runPatchAndClearFieldsAreChecked() {
    // The body is checked before the run is looked up: no run is needed for these.
    assertType(api.patch(RUNS + "/none", "{\"state\": 5}"), "state", "string_type");
    assertType(api.patch(RUNS + "/none", "{\"note\": [\"a\"]}"), "note", "string_type");
    assertType(api.post(RUNS + "/none/clear", "{\"dry_run\": null}"), "dry_run", "bool_type");
    assertType(api.post(RUNS + "/none/clear", "{\"only_failed\": \"no\"}"), "only_failed",
        "bool_type");
    assertEquals(404, api.post(RUNS + "/none/clear", "{\"dry_run\": true}").status());
  }

  @Test
  void bodiesThatAreNotObjectsAreNamed() {
    for (String body : new String[] {"null", "[]", "\"text\"", "5"}) {
      Http.Reply r = api.post(RUNS, body);
      assertEquals(422, r.status(), body + " -> " + r.text());
      assertEquals("model_attributes_type", r.body().at("/detail/0/type").asText(), r.text());
    }
    Http.assertFails(api.post(RUNS, "{\"logical_date\": nul"), 422, "body.0");
  }

  @Test
  void loginFieldsMustBeStrings() {
    Http anon = new Http(url.toString());
    assertType(anon.post("/auth/token", "{\"username\": null, \"password\": \"x\"}"), "username",
        "string_type");
    assertType(anon.post("/auth/token", "{\"username\": \"admin\", \"password\": 12}"), "password",
        "string_type");
    Http.Reply form = anon.send("POST", "/auth/token", "username=admin&password=%zz",
        "application/x-www-form-urlencoded");
    assertEquals(422, form.status(), form.text());
    assertEquals("value_error", form.body().at("/detail/0/type").asText(), form.text());
  }
}
