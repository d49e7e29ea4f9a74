package org.emoaudionet.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * XComs, the wait stream, tries and the task-level clear, on the real pipeline workflow over
 * test-double activities ({@link RealPipelineTestResource}).
 */
@QuarkusTest
@WithTestResource(RealPipelineTestResource.class)
class TaskResultsApiTest {
  private static final String RUNS = "/api/v2/dags/recola_arousal/dagRuns";

  @TestHTTPResource("/")
  URL url;

  @ConfigProperty(name = "emo.home")
  String home;

  private Http api;
  private String token;

  @BeforeEach
  void login() {
    api = Http.admin(url.toString());
    Http anon = new Http(url.toString());
    token = anon.post("/auth/token", "{\"username\":\"admin\",\"password\":\""
        + TemporalTestResource.ADMIN_PASSWORD + "\"}").body().get("access_token").asText();
  }

  private Http.Reply trigger(String runId) {
    return api.post(RUNS, "{\"logical_date\": null, \"dag_run_id\": \"" + runId + "\", \"conf\": "
        + "{\"dataset_uri\": \"/synthetic/recola\", \"epochs\": 1}}");
  }

  private JsonNode waitFor(String runId, String state) throws InterruptedException {
    JsonNode last = null;
    for (int i = 0; i < 200; i++) {
      last = api.get(RUNS + "/" + runId).body();
      if (state.equals(last.path("state").asText())) return last;
      Thread.sleep(100);
    }
    throw new AssertionError("never reached " + state + ": " + last);
  }

  /** The tasks the fake activities ran for {@code runId}, in order. */
  private List<String> calls(String runId) throws IOException {
    Path log = Path.of(home, "activity-calls.log");
    List<String> out = new ArrayList<>();
    if (!Files.exists(log)) return out;
    for (String line : Files.readAllLines(log)) {
      if (line.startsWith(runId + " ")) out.add(line.substring(runId.length() + 1));
    }
    return out;
  }

  private void script(String kind, String runId, String task) throws IOException {
    Path p = Path.of(home, kind, runId, task);
    Files.createDirectories(p.getParent());
    Files.writeString(p, "");
  }

  /** The NDJSON lines of GET .../wait. */
  private List<JsonNode> waitStream(String query) throws Exception {
    HttpRequest req = HttpRequest.newBuilder(URI.create(url + RUNS.substring(1) + query))
        .header("Authorization", "Bearer " + token)
        .header("Accept", "application/x-ndjson").GET().build();
    HttpResponse<String> r = HttpClient.newHttpClient().send(req,
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode(), r.body());
    List<JsonNode> lines = new ArrayList<>();
    for (String l : r.body().split("\n")) if (!l.isBlank()) lines.add(Http.JSON.readTree(l));
    return lines;
  }

  @Test
  void eachTaskResultIsItsReturnValueXComAndTheWaitStreamEndsWithTheRequestedOnes()
      throws Exception {
    assertEquals(200, trigger("xcom-1").status());
    List<JsonNode> lines = waitStream("/xcom-1/wait?interval=0.2&result=train&result=register");
    assertTrue(lines.size() >= 2, lines.toString());
    assertTrue(lines.stream().allMatch(JsonNode::isObject), lines.toString());
    JsonNode last = lines.get(lines.size() - 1);
    assertEquals("success", last.get("state").asText(), lines.toString());
    for (JsonNode l : lines.subList(0, lines.size() - 1)) {
      assertFalse(l.has("results"), "only the final line has results: " + l);
    }
    assertEquals("7", last.at("/results/register/version").asText(), last.toString());
    assertEquals(List.of("register", "train"), List.copyOf(iter(last.get("results"))));

    String base = RUNS + "/xcom-1/taskInstances/";
    JsonNode list = api.get(base + "preprocess/xcomEntries").body();
    assertEquals(1, list.get("total_entries").asInt(), list.toString());
    JsonNode e = list.at("/xcom_entries/0");
    assertEquals("return_value", e.get("key").asText());
    assertEquals(-1, e.get("map_index").asInt());
    assertEquals("xcom-1", e.get("run_id").asText());
    assertFalse(e.has("value"), "a listing has no values");

    JsonNode native_ = api.get(base + "preprocess/xcomEntries/return_value").body();
    // preprocess got download's result: its key holds the data set digest
    assertEquals("cache/preprocess/sha256:xcom-1", native_.at("/value/key").asText(), native_.toString());
    assertFalse(native_.get("value").has("log"), "the log is the task's log, not its result");
    JsonNode evaluate = api.get(base + "evaluate/xcomEntries/return_value?deserialize=true").body();
    assertEquals(0.75, evaluate.at("/value/metrics/test_accuracy").asDouble(), evaluate.toString());
    assertEquals("s3://emo/models-from/cache/preprocess/sha256:xcom-1+augmented/metrics.json",
        evaluate.at("/value/metrics_uri").asText(), "train's result reached evaluate");
    JsonNode str = api.get(base + "register/xcomEntries/return_value?stringify=true").body();
    assertEquals("{'name': 'emoaudionet-recola_arousal', 'version': '7'}",
        str.get("value").asText(), str.toString());

    assertEquals(404, api.get(base + "register/xcomEntries/other_key").status());
    assertEquals(404, api.get(base + "register/xcomEntries/return_value?map_index=0").status());
    Http.assertFails(api.get(base + "register/xcomEntries/return_value?map_index=-2"), 422,
        "query.map_index");
    JsonNode all = api.get("/api/v2/dags/~/dagRuns/xcom-1/taskInstances/~/xcomEntries?limit=3")
        .body();
    assertEquals(7, all.get("total_entries").asInt(), all.toString());
    assertEquals("augment", all.at("/xcom_entries/0/task_id").asText(), "ordered by task_id");
    assertEquals(1, api.get("/api/v2/dags/~/dagRuns/~/taskInstances/~/xcomEntries"
        + "?task_id_pattern=GIST&run_id_pattern=xcom-").body().get("total_entries").asInt());

    Http.assertFails(api.get(RUNS + "/xcom-1/wait"), 422, "query.interval");
    Http.assertFails(api.get(RUNS + "/xcom-1/wait?interval=0"), 422, "query.interval");
    assertEquals(404, api.get(RUNS + "/nope/wait?interval=1").status());
  }

  private static List<String> iter(JsonNode obj) {
    List<String> out = new ArrayList<>();
    obj.fieldNames().forEachRemaining(out::add);
    return out;
  }

  @Test
  void clearingTheFailedTaskRunsOnlyItAndItsDownstreamOnTheKeptResults() throws Exception {
    script("fail", "clr-1", "evaluate");
    assertEquals(200, trigger("clr-1").status());
    waitFor("clr-1", "failed");
    assertEquals(List.of("download", "preprocess", "augment", "train", "evaluate"), calls("clr-1"));
    String ti = RUNS + "/clr-1/taskInstances/";
    Http.Reply notRun = api.get(ti + "promote/xcomEntries/return_value");
    assertEquals(404, notRun.status(), "a task that has not run has no XCom");
    assertEquals("XCom entry with key: `return_value` not found", notRun.body().get("detail").asText());
    JsonNode trainBefore = api.get(ti + "train/xcomEntries/return_value").body().get("value");

    String clear = "/api/v2/dags/recola_arousal/clearTaskInstances";
    JsonNode dry = api.post(clear, "{\"dag_run_id\": \"clr-1\"}").body();
    List<String> ids = new ArrayList<>();
    dry.get("task_instances").forEach(t -> ids.add(t.get("task_id").asText()));
    assertEquals(List.of("evaluate", "register", "promote"), ids, "dry_run is the default: " + dry);
    assertEquals("failed", api.get(RUNS + "/clr-1").body().get("state").asText(), "nothing ran");
    assertEquals(5, calls("clr-1").size());

    Http.Reply cleared = api.post(clear,
        "{\"dag_run_id\": \"clr-1\", \"dry_run\": false, \"note\": \"retry\"}");
    assertEquals(200, cleared.status(), cleared.text());
    assertEquals(3, cleared.body().get("total_entries").asInt());
    waitFor("clr-1", "success");
    assertEquals(List.of("download", "preprocess", "augment", "train", "evaluate", "evaluate",
        "register", "promote"), calls("clr-1"), "only the failed task and its downstream ran again");
    assertEquals(trainBefore, api.get(ti + "train/xcomEntries/return_value").body().get("value"),
        "the kept result is the earlier execution's");
    assertEquals("retry", api.get(RUNS + "/clr-1").body().get("note").asText());

    JsonNode tries = api.get(ti + "evaluate/tries").body();
    assertEquals(2, tries.get("total_entries").asInt(), tries.toString());
    assertEquals("failed", tries.at("/task_instances/0/state").asText());
    assertEquals("success", tries.at("/task_instances/1/state").asText());
    assertEquals(2, api.get(ti + "evaluate/tries/2").body().get("try_number").asInt());
    assertEquals(404, api.get(ti + "evaluate/tries/3").status());
    assertEquals(1, api.get(ti + "train/tries").body().get("total_entries").asInt());
    assertEquals(2, api.get(ti + "evaluate").body().get("try_number").asInt(),
        "a cleared task's tries go on");

    // nothing failed any more: only_failed (the default) selects nothing
    assertEquals(0, api.post(clear, "{\"dag_run_id\": \"clr-1\"}").body()
        .get("total_entries").asInt());
    JsonNode fromTrain = api.post(clear, "{\"dag_run_id\": \"clr-1\", \"task_ids\": [\"train\"],"
        + " \"only_failed\": false}").body();
    assertEquals(4, fromTrain.get("total_entries").asInt(), "train and what reads its model");
    assertEquals(404, api.post(clear, "{\"dag_run_id\": \"nope\"}").status());
    assertEquals(404, api.post(clear, "{\"dag_run_id\": \"clr-1\", \"task_ids\": [\"x\"]}").status());
    assertEquals(400, api.post(clear, "{\"dag_run_id\": \"clr-1\", \"include_past\": true}").status());
    Http.assertFails(api.post(clear, "{\"dag_run_id\": \"clr-1\", \"dry_run\": null}"), 422, "body.dry_run");
    Http.assertFails(api.post(clear, "{\"dag_run_id\": \"clr-1\", \"bogus\": 1}"), 422, "body.bogus");
  }

  @Test
  void aRetriedAttemptIsAnEarlierTry() throws Exception {
    script("flaky", "try-1", "register");
    assertEquals(200, trigger("try-1").status());
    waitFor("try-1", "success");
    String ti = RUNS + "/try-1/taskInstances/register";
    assertEquals(2, api.get(ti).body().get("try_number").asInt());
    JsonNode tries = api.get(ti + "/tries").body();
    assertEquals(2, tries.get("total_entries").asInt(), tries.toString());
    assertEquals("failed", tries.at("/task_instances/0/state").asText());
    assertTrue(tries.at("/task_instances/0/start_date").isNull(), "Temporal keeps no times of it");
    assertEquals("success", tries.at("/task_instances/1/state").asText());
    assertFalse(tries.at("/task_instances/1/start_date").isNull());
    JsonNode byTry = api.get("/api/v2/dags/~/dagRuns/try-1/taskInstances?try_number=2").body();
    assertEquals(1, byTry.get("total_entries").asInt(), byTry.toString());
    assertEquals("register", byTry.at("/task_instances/0/task_id").asText());
  }

  @Test
  void batchListingsApplyEveryBodyFilter() throws Exception {
    assertEquals(200, trigger("batch-1").status());
    waitFor("batch-1", "success");
    JsonNode runs = api.post("/api/v2/dags/~/dagRuns/list", "{\"dag_ids\": [\"recola_arousal\"],"
        + " \"states\": [\"success\"], \"page_limit\": 1, \"order_by\": \"-start_date\","
        + " \"duration_gt\": 0}").body();
    assertEquals(1, runs.get("dag_runs").size(), runs.toString());
    assertTrue(runs.get("total_entries").asInt() >= 1);
    assertEquals(0, api.post("/api/v2/dags/~/dagRuns/list", "{\"dag_ids\": [\"recola_valence\"]}")
        .body().get("total_entries").asInt());
    assertEquals(0, api.post("/api/v2/dags/~/dagRuns/list", "{\"start_date_lt\":"
        + " \"2000-01-01T00:00:00Z\"}").body().get("total_entries").asInt());
    Http.assertFails(api.post("/api/v2/dags/~/dagRuns/list", "{\"state\": [\"success\"]}"), 422,
        "body.state");
    Http.assertFails(api.post("/api/v2/dags/~/dagRuns/list", "{\"dag_ids\": \"x\"}"), 422,
        "body.dag_ids");
    Http.assertFails(api.post("/api/v2/dags/recola_arousal/dagRuns/list", "{}"), 422,
        "path.dag_id");

    JsonNode tis = api.post("/api/v2/dags/~/dagRuns/~/taskInstances/list", "{\"dag_run_ids\":"
        + " [\"batch-1\"], \"task_ids\": [\"train\", \"promote\"], \"queue\": [\"emo-gpu\"],"
        + " \"state\": [\"success\"]}").body();
    assertEquals(2, tis.get("total_entries").asInt(), tis.toString());
    assertEquals(0, api.post("/api/v2/dags/~/dagRuns/~/taskInstances/list", "{\"dag_run_ids\":"
        + " [\"batch-1\"], \"queue\": [\"emo-cpu\"], \"task_ids\": [\"train\"]}").body()
        .get("total_entries").asInt());
    assertEquals(400, api.post("/api/v2/dags/~/dagRuns/~/taskInstances/list",
        "{\"order_by\": \"try_number\"}").status());

    // the GET listings: documented filters applied, the ones that cannot be, refused
    assertEquals(1, api.get(RUNS + "?run_id_prefix_pattern=batch-&state=success").body()
        .get("total_entries").asInt());
    assertEquals(0, api.get(RUNS + "?run_id_prefix_pattern=BATCH-").body()
        .get("total_entries").asInt(), "prefix patterns are case-sensitive");
    assertEquals(0, api.get(RUNS + "?duration_lt=0").body().get("total_entries").asInt());
    assertTrue(api.get(RUNS + "?conf_contains=synthetic&run_id_pattern=batch").body()
        .get("total_entries").asInt() == 1);
    Http.assertFails(api.get(RUNS + "?cursor="), 422, "query.cursor");
    Http.assertFails(api.get(RUNS + "?duration_gt=abc"), 422, "query.duration_gt");
    JsonNode one = api.get(RUNS + "/batch-1/taskInstances?task_id=train").body();
    assertEquals(1, one.get("total_entries").asInt());
    assertEquals(3, api.get(RUNS + "/batch-1/taskInstances?queue=emo-gpu").body()
        .get("total_entries").asInt());
    assertEquals("promote", api.get(RUNS + "/batch-1/taskInstances?order_by=-start_date&limit=1")
        .body().at("/task_instances/0/task_id").asText());
    Http.assertFails(api.get(RUNS + "/batch-1/taskInstances?cursor=x"), 422, "query.cursor");
  }
}
