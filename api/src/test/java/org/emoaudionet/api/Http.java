package org.emoaudionet.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/** A tiny JSON client for the tests: status plus parsed body. */
final class Http {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  record Reply(int status, JsonNode body, String text, HttpHeaders headers) {}

  private final String base;
  private String token;

  Http(String base) {
    this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
  }

  /** A client logged in as the test admin (TemporalTestResource's password). */
  static Http admin(String base) {
    Http anon = new Http(base);
    Reply r = anon.post("/auth/token",
        "{\"username\":\"admin\",\"password\":\"" + TemporalTestResource.ADMIN_PASSWORD + "\"}");
    if (r.status() != 201) throw new AssertionError("login: " + r.status() + " " + r.text());
    return anon.withToken(r.body().get("access_token").asText());
  }

  /** That {@code r} is {@code status} with a first 422-style item at {@code "query.limit"}. */
  static void assertFails(Reply r, int status, String location) {
    assertEquals(status, r.status(), r.text());
    assertEquals(location, r.body().at("/detail/0/loc/0").asText() + "."
        + r.body().at("/detail/0/loc/1").asText(), r.text());
  }

  Http withToken(String token) {
    Http h = new Http(base);
    h.token = token;
    return h;
  }

  Reply get(String path) {
    return send("GET", path, null, "application/json");
  }

  Reply post(String path, String body) {
    return send("POST", path, body, "application/json");
  }

  Reply patch(String path, String body) {
    return send("PATCH", path, body, "application/json");
  }

  Reply delete(String path) {
    return send("DELETE", path, null, "application/json");
  }

  Reply send(String method, String path, String body, String contentType) {
    return send(method, path, body == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(body),
        body == null ? Map.of() : Map.of("Content-Type", contentType));
  }

  /** Any body (a publisher of unknown length is sent chunked) with any extra headers. */
  Reply send(String method, String path, HttpRequest.BodyPublisher body,
      Map<String, String> headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).method(method, body);
    headers.forEach(b::header);
    if (token != null) b.header("Authorization", "Bearer " + token);
    try {
      HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
      JsonNode node = null;
      if (!r.body().isEmpty()) {
        try {
          node = JSON.readTree(r.body());
        } catch (IOException notJson) {
          node = null;
        }
      }
      return new Reply(r.statusCode(), node, r.body(), r.headers());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
