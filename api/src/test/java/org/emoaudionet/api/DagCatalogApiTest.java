package org.emoaudionet.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Import errors, DAG sources, versions and stats on a DAG folder with two broken files: the API
 * started, lists them with their errors, and the good DAGs (bundled and folder) keep working.
 */
@QuarkusTest
@WithTestResource(CatalogDagsTestResource.class)
class DagCatalogApiTest {
  @TestHTTPResource("/")
  URL url;

  @Inject ApiSettings settings;

  private Http api;

  @BeforeEach
  void login() {
    api = Http.admin(url.toString());
  }

  @Test
  void badDagFilesAreImportErrorsAndTheGoodDagsKeepWorking() {
    Http.Reply r = api.get("/api/v2/importErrors");
    assertEquals(200, r.status(), r.text());
    Shapes.assertShape("ImportErrorCollectionResponse", r.body());
    assertEquals(2, r.body().get("total_entries").asInt(), r.text());
    JsonNode broken = r.body().at("/import_errors/0");
    Shapes.assertShape("ImportErrorResponse", broken);
    assertEquals("broken.yaml", broken.get("filename").asText());
    assertEquals("emo-workflows", broken.get("bundle_name").asText());
    assertTrue(broken.get("stack_trace").asText().contains("field 'shedule': unknown key"),
        broken.toString());
    assertEquals("garbage.json", r.body().at("/import_errors/1/filename").asText());
    assertTrue(r.body().at("/import_errors/1/stack_trace").asText().contains("not valid YAML"));

    int id = broken.get("import_error_id").asInt();
    Http.Reply one = api.get("/api/v2/importErrors/" + id);
    assertEquals(200, one.status(), one.text());
    assertEquals(broken, one.body());
    assertEquals(404, api.get("/api/v2/importErrors/987654").status());
    assertEquals(404, api.get("/api/v2/importErrors/98765432109876543210").status());
    Http.assertFails(api.get("/api/v2/importErrors/x"), 422, "path.import_error_id");
    assertEquals(1, api.get("/api/v2/importErrors?filename=garbage.json").body()
        .get("total_entries").asInt());
    assertEquals(1, api.get("/api/v2/importErrors?filename_pattern=BROK").body()
        .get("total_entries").asInt(), "ILIKE");
    assertEquals(0, api.get("/api/v2/importErrors?filename_prefix_pattern=BROK").body()
        .get("total_entries").asInt(), "prefix patterns are case-sensitive");
    assertEquals("garbage.json", api.get("/api/v2/importErrors?order_by=-filename").body()
        .at("/import_errors/0/filename").asText());

    // the folder's good DAGs and the bundled ones are listed and can run
    List<String> ids = new ArrayList<>();
    api.get("/api/v2/dags?limit=100").body().get("dags").forEach(d -> ids.add(d.get("dag_id").asText()));
    assertTrue(ids.containsAll(List.of("drops_a", "drops_b", "solo_drops", "recola_arousal")), ids.toString());
    assertTrue(!ids.contains("broken"), ids.toString());
    Http.Reply run = api.post("/api/v2/dags/recola_arousal/dagRuns", "{\"logical_date\": null,"
        + " \"dag_run_id\": \"after-import-errors\", \"conf\": {\"dataset_uri\": \"/synthetic/recola\"}}");
    assertEquals(200, run.status(), run.text());
  }

  @Test
  void dagSourceIsTheFilesTextAsJsonOrPlainText() throws Exception {
    String onDisk = Files.readString(settings.dagsFolder().orElseThrow().resolve("drops_a.yaml"));
    Http.Reply json = api.get("/api/v2/dagSources/drops_a");
    assertEquals(200, json.status(), json.text());
    Shapes.assertShape("DAGSourceResponse", json.body());
    assertEquals(onDisk, json.body().get("content").asText());
    assertEquals(1, json.body().get("version_number").asInt());
    assertEquals("drops_a", json.body().get("dag_display_name").asText());

    Http.Reply text = api.send("GET", "/api/v2/dagSources/drops_a",
        HttpRequest.BodyPublishers.noBody(), Map.of("Accept", "text/plain"));
    assertEquals(200, text.status(), text.text());
    assertEquals(onDisk, text.text());
    assertTrue(text.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
    Http.Reply bundled = api.get("/api/v2/dagSources/recola_arousal?version_number=1");
    assertTrue(bundled.body().get("content").asText().contains("dag_id: recola_arousal"));

    Http.Reply xml = api.send("GET", "/api/v2/dagSources/drops_a",
        HttpRequest.BodyPublishers.noBody(), Map.of("Accept", "application/xml"));
    assertEquals(406, xml.status(), xml.text());
    assertEquals(404, api.get("/api/v2/dagSources/nope").status());
    Http.Reply v2 = api.get("/api/v2/dagSources/drops_a?version_number=2");
    assertEquals(404, v2.status(), v2.text());
    assertEquals("The source code of the DAG drops_a, version_number 2 was not found",
        v2.body().get("detail").asText());
  }

  @Test
  void eachDagHasItsLoadedFileAsAVersion() {
    Http.Reply r = api.get("/api/v2/dags/drops_a/dagVersions");
    assertEquals(200, r.status(), r.text());
    Shapes.assertShape("DAGVersionCollectionResponse", r.body());
    assertEquals(1, r.body().get("total_entries").asInt());
    JsonNode v = r.body().at("/dag_versions/0");
    Shapes.assertShape("DagVersionResponse", v);
    assertEquals(1, v.get("version_number").asInt());
    Http.Reply one = api.get("/api/v2/dags/drops_a/dagVersions/1");
    assertEquals(v, one.body());
    // the version the DAG's runs and details name is this one
    assertEquals(v.get("id"), api.get("/api/v2/dags/drops_a/details").body()
        .at("/latest_dag_version/id"));
    assertEquals(404, api.get("/api/v2/dags/drops_a/dagVersions/2").status());
    assertEquals(404, api.get("/api/v2/dags/nope/dagVersions").status());
    Http.assertFails(api.get("/api/v2/dags/drops_a/dagVersions/x"), 422, "path.version_number");
    int all = api.get("/api/v2/dags/~/dagVersions?limit=100").body().get("total_entries").asInt();
    assertEquals(api.get("/api/v2/dags").body().get("total_entries").asInt(), all,
        "~: one version of every DAG");
    assertEquals(0, api.get("/api/v2/dags/drops_a/dagVersions?version_number=2").body()
        .get("total_entries").asInt());
    assertTrue(Files.isRegularFile(settings.apiStateDir().resolve("dag-versions/drops_a.json")));
  }

  @Test
  void dagStatsCountEveryStateOfTheDagsWithRuns() throws Exception {
    Http.Reply run = api.post("/api/v2/dags/recola_valence/dagRuns", "{\"logical_date\": null,"
        + " \"dag_run_id\": \"stats-1\", \"conf\": {\"dataset_uri\": \"/synthetic/recola\"}}");
    assertEquals(200, run.status(), run.text());
    Http.Reply r = api.get("/api/v2/dagStats?dag_ids=recola_valence&dag_ids=drops_b");
    assertEquals(200, r.status(), r.text());
    Shapes.assertShape("DagStatsCollectionResponse", r.body());
    List<String> dags = new ArrayList<>();
    r.body().get("dags").forEach(d -> dags.add(d.get("dag_id").asText()));
    assertTrue(dags.contains("recola_valence") && !dags.contains("recola_arousal"), dags.toString());
    JsonNode valence = r.body().get("dags").get(dags.indexOf("recola_valence"));
    Shapes.assertShape("DagStatsResponse", valence);
    List<String> states = new ArrayList<>();
    int total = 0;
    for (JsonNode s : valence.get("stats")) {
      Shapes.assertShape("DagStatsStateResponse", s);
      states.add(s.get("state").asText());
      total += s.get("count").asInt();
    }
    assertEquals(List.of("queued", "running", "success", "failed"), states);
    assertEquals(1, total);
  }
}
