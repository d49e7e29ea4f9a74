package org.emoaudionet.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(TemporalTestResource.class)
class AirflowApiTest {
  private static final String RUNS = "/api/v2/dags/recola_arousal/dagRuns";

  @TestHTTPResource("/")
  URL url;

  @Inject Credentials credentials;

  private Http anon;
  private Http api;

  @BeforeEach
  void login() {
    anon = new Http(url.toString());
    Http.Reply r = anon.post("/auth/token",
        "{\"username\":\"admin\",\"password\":\"" + TemporalTestResource.ADMIN_PASSWORD + "\"}");
    assertEquals(201, r.status(), r.text());
    api = anon.withToken(r.body().get("access_token").asText());
  }

  private static String trigger(String runId, String extra) {
    return "{\"logical_date\": null, \"dag_run_id\": \"" + runId + "\", \"conf\": {"
        + "\"dataset_uri\": \"/synthetic/recola\", \"epochs\": 1, \"extra\": {" + extra + "}}}";
  }

  private JsonNode waitFor(String path, String state) throws InterruptedException {
    JsonNode last = null;
    for (int i = 0; i < 100; i++) {
      last = api.get(path).body();
      if (state.equals(last.path("state").asText())) return last;
      Thread.sleep(100);
    }
    throw new AssertionError("never reached " + state + ": " + last);
  }

  @Test
  void authenticationIsRequiredAndChecked() {
    assertEquals(401, anon.get("/api/v2/dags").status());
    assertEquals("Not authenticated", anon.get("/api/v2/dags").body().get("detail").asText());
    assertEquals(401, anon.withToken("a.b.c").get("/api/v2/dags").status());
    assertEquals(401, anon.post("/auth/token", "{\"username\":\"admin\",\"password\":\"nope\"}").status());
    Http.Reply form = anon.send("POST", "/auth/token",
        "username=admin&password=" + TemporalTestResource.ADMIN_PASSWORD, "application/x-www-form-urlencoded");
    assertEquals(201, form.status(), form.text());
    assertEquals(3, form.body().get("access_token").asText().split("\\.").length);
    assertEquals(422, anon.post("/auth/token", "{\"username\":\"admin\"}").status());
    Http.Reply health = anon.get("/api/v2/monitor/health");
    assertEquals(200, health.status());
    assertEquals("healthy", health.body().at("/scheduler/status").asText());
    assertEquals("healthy", health.body().at("/metadatabase/status").asText());
    assertEquals(401, anon.withToken(expiredToken()).get("/api/v2/dags").status());
    String other = anon.withToken(expiredToken()).get("/api/v2/dags").body().get("detail").asText();
    assertEquals("Invalid JWT token", other);
  }

  /** A token signed with the right key whose exp has passed. */
  private String expiredToken() {
    try {
      var enc = java.util.Base64.getUrlEncoder().withoutPadding();
      long now = java.time.Instant.now().getEpochSecond();
      String head = enc.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes());
      String body = enc.encodeToString(("{\"sub\":\"admin\",\"exp\":" + (now - 10) + "}").getBytes());
      javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
      mac.init(new javax.crypto.spec.SecretKeySpec(credentials.jwtKey(), "HmacSHA256"));
      return head + "." + body + "." + enc.encodeToString(mac.doFinal((head + "." + body).getBytes()));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void listsDagsWithPagingAndFilters() {
    JsonNode all = api.get("/api/v2/dags").body();
    assertEquals(6, all.get("total_entries").asInt());
    JsonNode page = api.get("/api/v2/dags?limit=2&offset=1").body();
    assertEquals(2, page.get("dags").size());
    assertEquals(6, page.get("total_entries").asInt());
    assertEquals(all.get("dags").get(1).get("dag_id"), page.get("dags").get(0).get("dag_id"));
    assertEquals(2, api.get("/api/v2/dags?dag_id_pattern=RECOLA").body().get("total_entries").asInt());
    assertEquals(2, api.get("/api/v2/dags?tags=depression").body().get("total_entries").asInt());
    assertEquals(0, api.get("/api/v2/dags?paused=true").body().get("total_entries").asInt());
    Http.Reply bad = api.get("/api/v2/dags?limit=abc");
    assertEquals(422, bad.status());
    assertEquals("limit", bad.body().at("/detail/0/loc/1").asText());
    assertEquals("abc", bad.body().at("/detail/0/input").asText());
    JsonNode dag = api.get("/api/v2/dags/recola_arousal").body();
    assertEquals("recola_arousal", dag.get("dag_id").asText());
    assertFalse(dag.get("is_paused").asBoolean());
    Http.Reply missing = api.get("/api/v2/dags/no_such_dag");
    assertEquals(404, missing.status());
    assertTrue(missing.body().get("detail").asText().contains("no_such_dag"));
    JsonNode tasks = api.get("/api/v2/dags/recola_arousal/tasks").body();
    assertEquals(7, tasks.get("total_entries").asInt());
    assertEquals("download", tasks.at("/tasks/0/task_id").asText());
    assertEquals("preprocess", tasks.at("/tasks/0/downstream_task_ids/0").asText());
    assertEquals("promote", tasks.at("/tasks/5/downstream_task_ids/0").asText());
    assertEquals("promote", tasks.at("/tasks/6/task_id").asText());
    assertEquals(0, tasks.at("/tasks/6/downstream_task_ids").size());
    assertEquals("emo-gpu", tasks.at("/tasks/3/queue").asText());
    assertEquals("emo-gpu", tasks.at("/tasks/6/queue").asText());
  }

  @Test
  void triggerRunsToSuccessWithTaskInstancesAndLogs() throws Exception {
    Http.Reply r = api.post(RUNS, trigger("ok-1", "\"step_ms\": \"50\""));
    assertEquals(200, r.status(), r.text());
    assertEquals("ok-1", r.body().get("dag_run_id").asText());
    assertEquals("queued", r.body().get("state").asText());
    assertTrue(r.body().get("logical_date").isNull());
    assertEquals("manual", r.body().get("run_type").asText());
    assertEquals("rest_api", r.body().get("triggered_by").asText());
    assertEquals("admin", r.body().get("triggering_user_name").asText());
    assertEquals("speaker", r.body().at("/conf/split").asText(), "defaults merged under conf");
    assertEquals(1, r.body().get("dag_versions").size());
    JsonNode done = waitFor(RUNS + "/ok-1", "success");
    assertTrue(done.get("duration").asDouble() > 0);
    assertFalse(done.get("end_date").isNull());
    JsonNode tis = api.get(RUNS + "/ok-1/taskInstances").body();
    assertEquals(7, tis.get("total_entries").asInt());
    for (JsonNode ti : tis.get("task_instances")) assertEquals("success", ti.get("state").asText());
    JsonNode train = api.get(RUNS + "/ok-1/taskInstances/train").body();
    assertEquals("emo-gpu", train.get("queue").asText());
    assertEquals(1, train.get("try_number").asInt());
    JsonNode log = api.get(RUNS + "/ok-1/taskInstances/train/logs/1").body();
    assertEquals("scripted train started for ok-1", log.at("/content/0/event").asText());
    assertEquals(404, api.get(RUNS + "/ok-1/taskInstances/nope").status());
    assertEquals(404, api.get(RUNS + "/ok-1/taskInstances/train/logs/7").status());
    assertEquals(409, api.post(RUNS, trigger("ok-1", "")).status());
    JsonNode listed = api.get("/api/v2/dags/~/dagRuns?state=success").body();
    List<String> ids = new ArrayList<>();
    listed.get("dag_runs").forEach(n -> ids.add(n.get("dag_run_id").asText()));
    assertTrue(ids.contains("ok-1"), ids.toString());
  }

  @Test
  void generatedRunIdAndPagingOfRuns() throws Exception {
    Http.Reply r = api.post("/api/v2/dags/recola_valence/dagRuns",
        "{\"logical_date\": null, \"conf\": {\"dataset_uri\": \"/synthetic/recola\"}}");
    assertEquals(200, r.status(), r.text());
    assertTrue(r.body().get("dag_run_id").asText().startsWith("manual__"), r.text());
    api.post("/api/v2/dags/recola_valence/dagRuns", trigger("v-2", "")
        .replace("\"epochs\": 1", "\"epochs\": 2"));
    JsonNode page = api.get("/api/v2/dags/recola_valence/dagRuns?limit=1&order_by=-dag_run_id").body();
    assertEquals(2, page.get("total_entries").asInt());
    assertEquals("v-2", page.at("/dag_runs/0/dag_run_id").asText());
    assertEquals(400, api.get("/api/v2/dags/recola_valence/dagRuns?order_by=bogus").status());
    assertEquals(422, api.get("/api/v2/dags/recola_valence/dagRuns?offset=-1").status());
    assertEquals(422, api.get("/api/v2/dags/recola_valence/dagRuns?state=done").status());
  }

  @Test
  void invalidTriggersAreRefusedLikeAirflow() {
    Http.Reply noLogical = api.post(RUNS, "{\"conf\": {}}");
    assertEquals(422, noLogical.status());
    assertEquals("missing", noLogical.body().at("/detail/0/type").asText());
    assertEquals("logical_date", noLogical.body().at("/detail/0/loc/1").asText());
    Http.Reply unknownKey = api.post(RUNS, "{\"logical_date\": null, \"conf\": "
        + "{\"dataset_uri\": \"/d\", \"epoch\": 3, \"preset\": \"huge\", \"epochs\": \"3\"}}");
    assertEquals(422, unknownKey.status());
    List<String> fields = new ArrayList<>();
    unknownKey.body().get("detail").forEach(d -> fields.add(d.get("loc").get(2).asText()));
    assertTrue(fields.containsAll(List.of("epoch", "preset", "epochs")), fields.toString());
    Http.Reply pretrained = api.post(RUNS, "{\"logical_date\": null, \"conf\": "
        + "{\"dataset_uri\": \"/d\", \"pretrained_from\": \"never-ran\"}}");
    assertEquals(422, pretrained.status());
    assertTrue(pretrained.text().contains("never-ran"), pretrained.text());
    Http.Reply badImport = api.post(RUNS, "{\"logical_date\": null, \"conf\": "
        + "{\"dataset_uri\": \"/d\", \"import_model\": \"s3://models/keras/v1\"}}");
    assertEquals(422, badImport.status());
    assertEquals("import_model", badImport.body().at("/detail/0/loc/2").asText(), badImport.text());
    assertTrue(badImport.body().at("/detail/0/msg").asText().contains("s3://bucket/prefix/"),
        badImport.text());
    Http.Reply malformed = api.post(RUNS, "{\"logical_date\": null, \"conf\": {");
    assertEquals(422, malformed.status());
    assertEquals("json_invalid", malformed.body().at("/detail/0/type").asText());
    Http.Reply confNotObject = api.post(RUNS, "{\"logical_date\": null, \"conf\": [1]}");
    assertEquals(422, confNotObject.status());
    assertEquals(422, api.post(RUNS, "{\"logical_date\": \"yesterday\"}").status());
    assertEquals(422, api.post(RUNS, "{\"logical_date\": null, \"bogus\": 1}").status());
    Http.Reply unknownDag = api.post("/api/v2/dags/nope/dagRuns", "{\"logical_date\": null}");
    assertEquals(404, unknownDag.status());
    assertTrue(unknownDag.body().get("detail").asText().contains("nope"));
    assertEquals(404, api.get(RUNS + "/not-a-run").status());
  }

  @Test
  void patchFailedCancelsAndClearRunsAgain() throws Exception {
    api.post(RUNS, trigger("long-1", "\"step_ms\": \"60000\""));
    waitFor(RUNS + "/long-1", "running");
    Http.Reply patched = api.patch(RUNS + "/long-1", "{\"state\": \"failed\", \"note\": \"stopped by test\"}");
    assertEquals(200, patched.status(), patched.text());
    assertEquals("failed", patched.body().get("state").asText());
    assertEquals("stopped by test", patched.body().get("note").asText());
    JsonNode download = api.get(RUNS + "/long-1/taskInstances/download").body();
    assertEquals("failed", download.get("state").asText());
    assertEquals(400, api.patch(RUNS + "/long-1", "{\"state\": \"success\"}").status());
    assertEquals(422, api.patch(RUNS + "/long-1", "{\"state\": \"done\"}").status());

    JsonNode dry = api.post(RUNS + "/long-1/clear", "{\"dry_run\": true}").body();
    assertEquals(7, dry.get("total_entries").asInt());
    assertEquals("failed", api.get(RUNS + "/long-1").body().get("state").asText(), "dry run changes nothing");
    // The failed run is run again under the same id, quickly this time? No: the conf is kept,
    // so the cleared run is long again; cancel it through PATCH once more to prove it restarted.
    Http.Reply cleared = api.post(RUNS + "/long-1/clear", "{\"dry_run\": false}");
    assertEquals(200, cleared.status(), cleared.text());
    assertEquals("queued", cleared.body().get("state").asText());
    waitFor(RUNS + "/long-1", "running");
    assertEquals(409, api.post(RUNS + "/long-1/clear", "{\"dry_run\": false}").status());

    assertEquals(204, api.delete(RUNS + "/long-1").status());
    assertEquals(404, api.get(RUNS + "/long-1").status());
    JsonNode runs = api.get(RUNS).body();
    runs.get("dag_runs").forEach(n -> assertFalse(n.get("dag_run_id").asText().equals("long-1")));
    Http.Reply again = api.post(RUNS, trigger("long-1", "\"step_ms\": \"50\""));
    assertEquals(200, again.status(), "a deleted run id can be used again: " + again.text());
    waitFor(RUNS + "/long-1", "success");
  }

  @Test
  void failedTaskFailsTheRunAndQueuedIsReported() throws Exception {
    api.post(RUNS, trigger("fail-1", "\"step_ms\": \"30\", \"fail_at\": \"train\""));
    waitFor(RUNS + "/fail-1", "failed");
    JsonNode tis = api.get(RUNS + "/fail-1/taskInstances").body().get("task_instances");
    assertEquals("success", tis.get(2).get("state").asText());
    assertEquals("failed", tis.get(3).get("state").asText());
    assertEquals("upstream_failed", tis.get(4).get("state").asText());
    api.post(RUNS, trigger("held-1", "\"hold_ms\": \"60000\""));
    Thread.sleep(300);
    JsonNode held = api.get(RUNS + "/held-1").body();
    assertEquals("queued", held.get("state").asText());
    assertNull(held.get("start_date").textValue());
    assertEquals(204, api.delete(RUNS + "/held-1").status());
  }
}
