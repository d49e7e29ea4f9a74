package org.emoaudionet.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URL;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.emoaudionet.workflows.http.Multipart;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bounded bodies, confs and encodings: refused early, with a named reason (413, 422, 415). */
@QuarkusTest
@WithTestResource(TemporalTestResource.class)
class RequestLimitsApiTest {
  private static final String RUNS = "/api/v2/dags/recola_arousal/dagRuns";
  private static final Map<String, String> JSON = Map.of("Content-Type", "application/json");

  @TestHTTPResource("/")
  URL url;

  private Http api;

  @BeforeEach
  void login() {
    api = Http.admin(url.toString());
  }

  /** A trigger body of about {@code bytes} bytes: the padding sits in conf.extra. */
  private static String triggerOf(int bytes) {
    return "{\"logical_date\": null, \"conf\": {\"dataset_uri\": \"/synthetic/recola\","
        + " \"extra\": {\"pad\": \"" + "x".repeat(bytes) + "\"}}}";
  }

  @Test
  void aDeclaredBodyOverTheJsonLimitIs413BeforeItIsRead() {
    Http.Reply r = api.send("POST", RUNS, HttpRequest.BodyPublishers.ofString(triggerOf(2 << 20)),
        JSON);
    assertEquals(413, r.status(), r.text());
    assertTrue(r.body().get("detail").asText().contains("emo.api.max-body-bytes = 1048576"),
        r.text());
  }

  @Test
  void aChunkedBodyOverTheJsonLimitIs413Too() {
    byte[] body = triggerOf(2 << 20).getBytes(StandardCharsets.UTF_8);
    // An input-stream publisher has no length: the client sends it chunked.
    Http.Reply r = api.send("POST", RUNS,
        HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)), JSON);
    assertEquals(413, r.status(), r.text());
    assertTrue(r.body().get("detail").asText().contains("emo.api.max-body-bytes"), r.text());
    Http.Reply small = api.send("POST", RUNS, HttpRequest.BodyPublishers.ofInputStream(
        () -> new ByteArrayInputStream("{\"logical_date\": null, \"conf\": 5}".getBytes())), JSON);
    Http.assertFails(small, 422, "body.conf"); // a small chunked body is read as usual
  }

  /** A 10 MB conf used to reach Temporal and come back as a 503 a minute later. */
  @Test
  void aConfOverItsLimitIs422NamingConfBeforeTemporalIsCalled() {
    long t0 = System.nanoTime();
    Http.Reply r = api.post(RUNS, triggerOf(600 * 1024));
    long ms = (System.nanoTime() - t0) / 1_000_000;
    Http.assertFails(r, 422, "body.conf");
    String msg = r.body().at("/detail/0/msg").asText();
    assertTrue(msg.contains("emo.api.max-conf-bytes = 524288"), msg);
    assertTrue(ms < 5000, "answered in " + ms + " ms");
    assertEquals(413, api.post(RUNS, triggerOf(10 << 20)).status(), "the body limit comes first");
  }

  @Test
  void aCompressedBodyIs415NotA500() throws IOException {
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    Multipart form =
        new Multipart().file("files", "a.wav", "RIFF".getBytes(StandardCharsets.US_ASCII));
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      out.write(form.body());
    }
    Http.Reply upload = api.send("POST", "/api/emo/models/recola_arousal/predict",
        HttpRequest.BodyPublishers.ofByteArray(gz.toByteArray()),
        Map.of("Content-Type", form.contentType(), "Content-Encoding", "gzip"));
    assertEquals(415, upload.status(), upload.text());
    assertTrue(upload.body().get("detail").asText().contains("Content-Encoding 'gzip'"),
        upload.text());
    Http.Reply json = api.send("POST", RUNS, HttpRequest.BodyPublishers.ofString("{}"),
        Map.of("Content-Type", "application/json", "Content-Encoding", "br"));
    assertEquals(415, json.status(), json.text());
    Http.Reply identity = api.send("POST", RUNS, HttpRequest.BodyPublishers.ofString("{}"),
        Map.of("Content-Type", "application/json", "Content-Encoding", "identity"));
    Http.assertFails(identity, 422, "body.logical_date"); // read as usual
  }
}
