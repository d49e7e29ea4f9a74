package org.emoaudionet.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.minio.GetObjectArgs;
import io.minio.MinioClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.net.URL;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.emoaudionet.workflows.activity.S3Keys;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * is_paused, schedules and PATCH on the Java test server (no Temporal Schedules: the fallback
 * cron workflows) with the DAG state in S3 (S3Proxy).
 */
@QuarkusTest
@WithTestResource(ScheduledDagsTestResource.class)
class DagPauseApiTest {
  static final String YEARLY = ScheduledDagsTestResource.YEARLY;
  static final String PAUSED = ScheduledDagsTestResource.PAUSED;

  @TestHTTPResource("/")
  URL url;

  @Inject DagSchedules schedules;
  @Inject ApiSettings settings;

  private Http api;

  @BeforeEach
  void login() {
    Http anon = new Http(url.toString());
    Http.Reply r = anon.post("/auth/token",
        "{\"username\":\"admin\",\"password\":\"" + TemporalTestResource.ADMIN_PASSWORD + "\"}");
    assertEquals(201, r.status(), r.text());
    api = anon.withToken(r.body().get("access_token").asText());
  }

  private static List<String> ids(JsonNode collection) {
    List<String> out = new ArrayList<>();
    collection.get("dags").forEach(d -> out.add(d.get("dag_id").asText()));
    return out;
  }

  private JsonNode patch(String dagId, boolean paused) {
    Http.Reply r = api.patch("/api/v2/dags/" + dagId, "{\"is_paused\": " + paused + "}");
    assertEquals(200, r.status(), r.text());
    return r.body();
  }

  @Test
  void folderDagsAreListedWithTheirTimetable() {
    JsonNode all = api.get("/api/v2/dags?limit=100").body();
    assertEquals(8, all.get("total_entries").asInt(), all.toString());
    JsonNode yearly = api.get("/api/v2/dags/" + YEARLY).body();
    assertFalse(yearly.get("is_paused").asBoolean());
    assertEquals("@yearly", yearly.get("timetable_summary").asText());
    assertFalse(yearly.get("timetable_description").asText().isBlank());
    assertTrue(yearly.get("timetable_periodic").asBoolean());
    assertFalse(yearly.get("timetable_partitioned").asBoolean());
    String nextJanuary = (Instant.now().atZone(ZoneOffset.UTC).getYear() + 1) + "-01-01T00:00:00Z";
    for (String f : List.of("next_dagrun_logical_date", "next_dagrun_run_after",
        "next_dagrun_data_interval_start", "next_dagrun_data_interval_end")) {
      assertEquals(Instant.parse(nextJanuary), Instant.parse(yearly.get(f).asText()), f);
    }
    assertTrue(yearly.get("fileloc").asText().endsWith("yearly.yaml"), yearly.toString());
    assertEquals(List.of("manual", "scheduled"),
        List.of(yearly.at("/allowed_run_types/0").asText(), yearly.at("/allowed_run_types/1").asText()));
    JsonNode details = api.get("/api/v2/dags/" + PAUSED + "/details").body();
    assertTrue(details.get("is_paused_upon_creation").asBoolean());
    JsonNode manual = api.get("/api/v2/dags/recola_arousal").body();
    assertEquals("None", manual.get("timetable_summary").asText());
    assertTrue(manual.get("next_dagrun_logical_date").isNull());
    assertEquals("dags/recola_arousal.yaml", manual.get("fileloc").asText());
  }

  @Test
  void aDagCreatedPausedIsPausedAndHasNoCronWorkflowUntilResumed() {
    JsonNode paused = api.get("/api/v2/dags/" + PAUSED).body();
    assertTrue(paused.get("is_paused").asBoolean());
    assertTrue(paused.get("next_dagrun_logical_date").isNull());
    assertFalse(schedules.cronWorkflowRunning(PAUSED));
    assertEquals(List.of(PAUSED), ids(api.get("/api/v2/dags?paused=true").body()));
    assertFalse(ids(api.get("/api/v2/dags?paused=false&limit=100").body()).contains(PAUSED));

    JsonNode resumed = patch(PAUSED, false);
    assertFalse(resumed.get("is_paused").asBoolean());
    assertFalse(resumed.get("next_dagrun_logical_date").isNull());
    assertTrue(schedules.cronWorkflowRunning(PAUSED));
    patch(PAUSED, true);
    assertFalse(schedules.cronWorkflowRunning(PAUSED));
  }

  @Test
  void pausingStopsTheScheduleAndIsStoredInS3() throws Exception {
    assertTrue(schedules.cronWorkflowRunning(YEARLY), "started at API start-up");
    JsonNode paused = patch(YEARLY, true);
    assertTrue(paused.get("is_paused").asBoolean());
    assertTrue(paused.get("next_dagrun_run_after").isNull());
    assertFalse(schedules.cronWorkflowRunning(YEARLY));
    assertTrue(api.get("/api/v2/dags/" + YEARLY).body().get("is_paused").asBoolean());

    MinioClient s3 = MinioClient.builder().endpoint(settings.s3Endpoint()).region("us-east-1")
        .credentials(settings.s3AccessKey(), settings.s3SecretKey()).build();
    try (InputStream in = s3.getObject(GetObjectArgs.builder().bucket(settings.s3Bucket())
        .object(S3Keys.dagState(YEARLY)).build())) {
      JsonNode state = Http.JSON.readTree(in);
      assertTrue(state.get("is_paused").asBoolean(), state.toString());
      assertEquals("admin", state.get("updated_by").asText());
      Instant.parse(state.get("updated_at").asText());
    }

    assertFalse(patch(YEARLY, false).get("is_paused").asBoolean());
    assertTrue(schedules.cronWorkflowRunning(YEARLY));
  }

  @Test
  void badPatchesAreRefusedNamingTheField() {
    Http.Reply missing = api.patch("/api/v2/dags/no_such_dag", "{\"is_paused\": true}");
    assertEquals(404, missing.status());
    assertTrue(missing.text().contains("no_such_dag"));
    Http.Reply type = api.patch("/api/v2/dags/" + YEARLY, "{\"is_paused\": \"yes\"}");
    assertEquals(422, type.status());
    assertEquals("is_paused", type.body().at("/detail/0/loc/1").asText());
    assertEquals("bool_type", type.body().at("/detail/0/type").asText());
    Http.Reply absent = api.patch("/api/v2/dags/" + YEARLY, "{}");
    assertEquals(422, absent.status());
    assertEquals("missing", absent.body().at("/detail/0/type").asText());
    Http.Reply extra = api.patch("/api/v2/dags/" + YEARLY, "{\"is_paused\": true, \"owners\": []}");
    assertEquals(422, extra.status());
    assertEquals("owners", extra.body().at("/detail/0/loc/1").asText());
    Http.Reply mask = api.patch("/api/v2/dags/" + YEARLY + "?update_mask=description",
        "{\"is_paused\": true}");
    assertEquals(400, mask.status());
    assertFalse(api.get("/api/v2/dags/" + YEARLY).body().get("is_paused").asBoolean(),
        "a refused PATCH changes nothing");
  }

  @Test
  void bulkPatchNeedsAPatternAndPausesWhatMatches() {
    Http.Reply noPattern = api.patch("/api/v2/dags", "{\"is_paused\": true}");
    assertEquals(422, noPattern.status());
    assertEquals("dag_id_pattern", noPattern.body().at("/detail/0/loc/1").asText());
    Http.Reply r = api.patch("/api/v2/dags?dag_id_pattern=recola%25&update_mask=is_paused",
        "{\"is_paused\": true}");
    assertEquals(200, r.status(), r.text());
    assertEquals(List.of("recola_arousal", "recola_valence"), ids(r.body()));
    assertTrue(r.body().at("/dags/0/is_paused").asBoolean());
    List<String> paused = ids(api.get("/api/v2/dags?paused=true").body());
    assertTrue(paused.containsAll(List.of("recola_arousal", "recola_valence")), paused.toString());
    assertEquals(2, ids(api.patch("/api/v2/dags?dag_id_pattern=recola%25", "{\"is_paused\": false}")
        .body()).size());
    assertFalse(ids(api.get("/api/v2/dags?paused=true").body()).contains("recola_arousal"));
  }
}
