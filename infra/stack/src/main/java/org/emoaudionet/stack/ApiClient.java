package org.emoaudionet.stack;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.emoaudionet.workflows.http.Multipart;

/** The platform's Airflow-3-style REST API, as a user drives it: token, trigger, poll. */
public final class ApiClient {
  /** DAG run states after which nothing changes. */
  public static final Set<String> FINAL_STATES = Set.of("success", "failed");

  private final String baseUrl;
  private final String user;
  private final String password;
  private String token;

  public ApiClient(String baseUrl, String user, String password) {
    this.baseUrl = baseUrl.replaceAll("/+$", "");
    this.user = user;
    this.password = password;
  }

  public String baseUrl() {
    return baseUrl;
  }

  public boolean healthy() {
    return JsonHttp.healthy(baseUrl + "/api/v2/monitor/health");
  }

  private synchronized String token() {
    if (token == null) {
      JsonNode r = JsonHttp.call("POST", baseUrl + "/auth/token",
          Map.of("username", user, "password", password), null);
      if (!r.hasNonNull("access_token")) {
        throw new IllegalStateException("POST /auth/token returned no access_token: " + r);
      }
      token = r.get("access_token").asText();
    }
    return token;
  }

  /** Calls the API, fetching a new token once when the old one is refused. */
  JsonNode call(String method, String path, Object body) {
    JsonHttp.Reply r = JsonHttp.send(method, baseUrl + path, body, token());
    if (r.status() == 401) {
      synchronized (this) {
        token = null;
      }
      r = JsonHttp.send(method, baseUrl + path, body, token());
    }
    if (!r.ok()) {
      throw new IllegalStateException(method + " " + path + " -> HTTP " + r.status() + ": "
          + JsonHttp.abbreviate(r.raw()));
    }
    return r.body();
  }

  /**
   * POST /api/emo/models/{name}/predict with the files; {@code version} (a number or
   * {@code latest}) or {@code alias} may be null (the champion). The reply is returned as it is,
   * errors included: a 422 still carries the good files' predictions.
   */
  public Answer predict(String name, List<java.nio.file.Path> files, String version,
      String alias) throws java.io.IOException {
    Multipart form = new Multipart();
    for (java.nio.file.Path f : files) {
      if (!java.nio.file.Files.isRegularFile(f)) {
        throw new java.io.FileNotFoundException(f + ": no such file");
      }
      form.file("files", f);
    }
    StringBuilder q = new StringBuilder();
    if (version != null) q.append(q.length() == 0 ? "?" : "&").append("version=").append(enc(version));
    if (alias != null) q.append(q.length() == 0 ? "?" : "&").append("alias=").append(enc(alias));
    String url = baseUrl + "/api/emo/models/" + enc(name) + "/predict" + q;
    byte[] body = form.body();
    JsonHttp.Reply r = JsonHttp.send("POST", url, form.contentType(), body, token(),
        Duration.ofMinutes(5));
    if (r.status() == 401) {
      synchronized (this) {
        token = null;
      }
      r = JsonHttp.send("POST", url, form.contentType(), body, token(), Duration.ofMinutes(5));
    }
    return new Answer(r.status(), r.body());
  }

  /** An HTTP status and its JSON body, for calls whose error answers carry results too. */
  public record Answer(int status, JsonNode body) {
    public boolean ok() {
      return status >= 200 && status < 300;
    }
  }

  /** POST /api/v2/dags/{dag}/dagRuns; {@code dagRunId} null lets the API choose. */
  public JsonNode trigger(String dagId, Map<String, Object> conf, String dagRunId) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("logical_date", null);
    body.put("conf", conf);
    if (dagRunId != null) {
      body.put("dag_run_id", dagRunId);
    }
    return call("POST", "/api/v2/dags/" + enc(dagId) + "/dagRuns", body);
  }

  /** GET /api/v2/dags/{dag}: the DAG with is_paused and its next scheduled run. */
  public JsonNode dag(String dagId) {
    return call("GET", "/api/v2/dags/" + enc(dagId), null);
  }

  /** PATCH /api/v2/dags/{dag} {@code {"is_paused": paused}}: pauses or resumes its schedule. */
  public JsonNode setPaused(String dagId, boolean paused) {
    return call("PATCH", "/api/v2/dags/" + enc(dagId), Map.of("is_paused", paused));
  }

  public JsonNode dagRun(String dagId, String dagRunId) {
    return call("GET", "/api/v2/dags/" + enc(dagId) + "/dagRuns/" + enc(dagRunId), null);
  }

  /** Runs of one DAG, or of every DAG when {@code dagId} is {@code ~}, newest first. */
  public List<JsonNode> dagRuns(String dagId, int limit) {
    JsonNode r = call("GET", "/api/v2/dags/" + enc(dagId) + "/dagRuns?limit=" + limit
        + "&order_by=-start_date", null);
    List<JsonNode> runs = new ArrayList<>();
    r.path("dag_runs").forEach(runs::add);
    return runs;
  }

  public List<JsonNode> taskInstances(String dagId, String dagRunId) {
    JsonNode r = call("GET", "/api/v2/dags/" + enc(dagId) + "/dagRuns/" + enc(dagRunId)
        + "/taskInstances", null);
    List<JsonNode> tis = new ArrayList<>();
    r.path("task_instances").forEach(tis::add);
    return tis;
  }

  /** The log of one try of a task, as the API returns it (text or structured content). */
  public String taskLog(String dagId, String dagRunId, String taskId, int tryNumber) {
    JsonNode r = call("GET", "/api/v2/dags/" + enc(dagId) + "/dagRuns/" + enc(dagRunId)
        + "/taskInstances/" + enc(taskId) + "/logs/" + tryNumber, null);
    return r.isTextual() ? r.asText() : r.toString();
  }

  /**
   * Polls a run until it is final, calling {@code progress} with each poll's run and task
   * instances; fails when {@code timeout} passes.
   */
  public JsonNode await(String dagId, String dagRunId, Duration timeout,
      Consumer<Progress> progress) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      JsonNode run = dagRun(dagId, dagRunId);
      String state = run.path("state").asText();
      if (progress != null) {
        progress.accept(new Progress(run, taskInstances(dagId, dagRunId)));
      }
      if (FINAL_STATES.contains(state)) {
        return run;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(dagId + "/" + dagRunId + " still " + state + " after "
            + timeout.toMinutes() + " min");
      }
      Thread.sleep(1000);
    }
  }

  /** One poll's view of a run. */
  public record Progress(JsonNode run, List<JsonNode> taskInstances) {
    /** e.g. {@code download:success preprocess:success augment:running ...}. */
    public String line() {
      StringBuilder sb = new StringBuilder();
      for (JsonNode ti : taskInstances) {
        String s = ti.path("state").isNull() ? "none" : ti.path("state").asText("none");
        sb.append(ti.path("task_id").asText()).append(':').append(s).append(' ');
      }
      return run.path("dag_id").asText() + "/" + run.path("dag_run_id").asText() + " "
          + run.path("state").asText() + "  " + sb.toString().strip();
    }
  }

  static String enc(String s) {
    // "~" (all DAGs) must stay literal: URLEncoder escapes it.
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20").replace("%7E", "~");
  }
}
