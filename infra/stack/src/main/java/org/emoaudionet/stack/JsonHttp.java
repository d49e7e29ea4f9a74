package org.emoaudionet.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** JSON over HTTP with the JDK client; errors name the method, URL, status and body. */
final class JsonHttp {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(5)).build();

  /** A reply: status and body (parsed when it is JSON, else a text node). */
  record Reply(int status, JsonNode body, String raw) {
    boolean ok() {
      return status >= 200 && status < 300;
    }
  }

  private JsonHttp() {}

  static Reply send(String method, String url, Object body, String bearer) {
    try {
      return body == null ? send(method, url, null, null, bearer, Duration.ofSeconds(90))
          : send(method, url, "application/json", JSON.writeValueAsBytes(body), bearer,
              Duration.ofSeconds(90));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write " + body + " as JSON: " + e, e);
    }
  }

  /** Sends raw bytes of {@code contentType} (null: no body); the reply as {@link #send}. */
  static Reply send(String method, String url, String contentType, byte[] body, String bearer,
      Duration timeout) {
    try {
      HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url))
          .timeout(timeout).header("Accept", "application/json");
      if (bearer != null) {
        b.header("Authorization", "Bearer " + bearer);
      }
      if (body != null) {
        b.header("Content-Type", contentType)
            .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
      } else {
        b.method(method, HttpRequest.BodyPublishers.noBody());
      }
      HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
      JsonNode node;
      try {
        node = r.body().isBlank() ? JSON.nullNode() : JSON.readTree(r.body());
      } catch (IOException notJson) {
        node = JSON.getNodeFactory().textNode(r.body());
      }
      return new Reply(r.statusCode(), node, r.body());
    } catch (java.net.ConnectException e) {
      throw new UncheckedIOException("nothing answers at " + url + " (is the stack up? `./emo up`"
          + ", or check EMO_API_PORT / EMO_MLFLOW_PORT)", e);
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + url + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted: " + method + " " + url, e);
    }
  }

  /** Sends and requires a 2xx reply. */
  static JsonNode call(String method, String url, Object body, String bearer) {
    Reply r = send(method, url, body, bearer);
    if (!r.ok()) {
      throw new IllegalStateException(method + " " + url + " -> HTTP " + r.status() + ": "
          + abbreviate(r.raw()));
    }
    return r.body();
  }

  /** True when GET url answers 2xx (health probes); any error is false. */
  static boolean healthy(String url) {
    try {
      HttpRequest req = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3))
          .GET().build();
      int s = CLIENT.send(req, HttpResponse.BodyHandlers.discarding()).statusCode();
      return s >= 200 && s < 300;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  static String abbreviate(String s) {
    return s.length() <= 600 ? s : s.substring(0, 600) + "...";
  }
}
