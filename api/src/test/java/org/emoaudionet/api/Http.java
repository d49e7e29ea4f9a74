package org.emoaudionet.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** A tiny JSON client for the tests: status plus parsed body. */
final class Http {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  record Reply(int status, JsonNode body, String text) {}

  private final String base;
  private String token;

  Http(String base) {
    this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
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
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) b.header("Content-Type", contentType);
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
      return new Reply(r.statusCode(), node, r.body());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
