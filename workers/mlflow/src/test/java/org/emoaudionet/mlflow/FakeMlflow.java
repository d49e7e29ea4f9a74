package org.emoaudionet.mlflow;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A scripted MLflow on 127.0.0.1: each path answers what a test put there (status, body), and
 * every request is kept (method, path and query, body) for the test to check.
 */
final class FakeMlflow implements AutoCloseable {
  record Request(String method, String pathAndQuery, byte[] body) {
    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  record Reply(int status, byte[] body) {}

  final List<Request> requests = new CopyOnWriteArrayList<>();
  private final Map<String, Reply> replies = new ConcurrentHashMap<>();
  private final HttpServer server;
  final String uri;

  FakeMlflow() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.start();
    uri = "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** {@code path} (without its query) answers {@code status} with {@code body}. */
  FakeMlflow on(String path, int status, String body) {
    replies.put(path, new Reply(status, body.getBytes(StandardCharsets.UTF_8)));
    return this;
  }

  List<Request> to(String pathPrefix) {
    return requests.stream().filter(r -> r.pathAndQuery().startsWith(pathPrefix)).toList();
  }

  private void handle(HttpExchange x) throws IOException {
    String raw = x.getRequestURI().getRawPath();
    String query = x.getRequestURI().getRawQuery();
    requests.add(new Request(x.getRequestMethod(), raw + (query == null ? "" : "?" + query),
        x.getRequestBody().readAllBytes()));
    Reply r = replies.getOrDefault(x.getRequestURI().getPath(), new Reply(404,
        "{\"error_code\":\"ENDPOINT_NOT_FOUND\",\"message\":\"no such endpoint\"}"
            .getBytes(StandardCharsets.UTF_8)));
    x.sendResponseHeaders(r.status(), r.body().length == 0 ? -1 : r.body().length);
    if (r.body().length > 0) x.getResponseBody().write(r.body());
    x.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
