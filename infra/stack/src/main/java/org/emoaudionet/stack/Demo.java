package org.emoaudionet.stack;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.emoaudionet.mlflow.MlflowClient;
import org.emoaudionet.mlflow.Tracking;

/**
 * The paper's experiment chain on the bundled samples, through the API: LibriSpeech gender
 * pretraining, RECOLA arousal and valence fine-tuned from it, DAIC-WOZ PHQ-8 binary.
 */
public final class Demo {
  private final ApiClient api;
  private final MlflowClient mlflow;
  private final Path samples;
  private final PrintStream out;
  private final Duration timeout;
  private final String runId;

  public Demo(ApiClient api, MlflowClient mlflow, Path samples, PrintStream out, Duration timeout) {
    this.api = api;
    this.mlflow = mlflow;
    this.samples = samples;
    this.out = out;
    this.timeout = timeout;
    this.runId = "demo__" + ZonedDateTime.now(ZoneOffset.UTC)
        .format(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'"));
  }

  /** Runs the chain; true when every run succeeded. */
  public boolean run() throws InterruptedException {
    Path libri = sample("librispeech");
    Path recola = sample("recola");
    Path daic = sample("daic-woz");
    List<String[]> order = new ArrayList<>();

    trigger("librispeech_gender_pretrain", conf(libri, null), order);
    trigger("daic_woz_phq8_binary", conf(daic, null), order);
    Map<String, String> states = waitAll(order, Set.of("librispeech_gender_pretrain"));
    if ("success".equals(states.get("librispeech_gender_pretrain"))) {
      trigger("recola_arousal", conf(recola, runId), order);
      trigger("recola_valence", conf(recola, runId), order);
    } else {
      out.println("pretraining did not succeed: recola_arousal and recola_valence are not run");
    }
    states.putAll(waitAll(order, null));

    List<RunSummary> summaries = new ArrayList<>();
    for (String dag : List.of("librispeech_gender_pretrain", "recola_arousal", "recola_valence",
        "daic_woz_phq8_binary")) {
      summaries.add(summarize(dag, states.getOrDefault(dag, "not run")));
    }
    out.println();
    out.print(RunSummary.table(summaries));
    boolean ok = summaries.stream().allMatch(RunSummary::succeeded);
    out.println(ok ? "demo: every run succeeded" : "demo: some runs did not succeed");
    if (ok) {
      ok = scoreSample(recola);
    }
    return ok;
  }

  /**
   * Scores one RECOLA recording through the serving endpoint with {@code recola_arousal}'s
   * champion — or, when no run has been promoted yet, its newest version, saying so.
   */
  private boolean scoreSample(Path recola) {
    String dag = "recola_arousal";
    Path audio;
    try (var files = Files.list(recola.resolve("recordings_audio"))) {
      audio = files.filter(f -> f.toString().endsWith(".wav")).sorted().findFirst().orElse(null);
    } catch (java.io.IOException e) {
      audio = null;
    }
    out.println();
    if (audio == null) {
      out.println("serving: no .wav under " + recola.resolve("recordings_audio") + " to score");
      return false;
    }
    try {
      ApiClient.Answer a = api.predict(dag, List.of(audio), null, null);
      if (a.status() == 404 && a.body().path("detail").asText().contains("no alias")) {
        out.println("serving: " + a.body().path("detail").asText()
            + " -- no run has been promoted to champion yet: scoring version=latest instead");
        a = api.predict(dag, List.of(audio), "latest", null);
      }
      out.println("serving: POST /api/emo/models/" + dag + "/predict with "
          + audio.getFileName() + " -> HTTP " + a.status());
      out.print(PredictionLines.format(a));
      String refusal = PredictionLines.refusal(a);
      if (refusal != null) {
        out.println("serving: " + refusal);
      }
      return a.ok();
    } catch (java.io.IOException | RuntimeException e) {
      out.println("serving: scoring " + audio + " failed: " + e.getMessage());
      return false;
    }
  }

  private Path sample(String name) {
    Path p = samples.resolve(name).toAbsolutePath().normalize();
    if (!Files.isDirectory(p)) {
      throw new IllegalStateException("sample corpus missing: " + p);
    }
    return p;
  }

  private static Map<String, Object> conf(Path data, String pretrainedFrom) {
    Map<String, Object> conf = new LinkedHashMap<>();
    conf.put("dataset_uri", data.toString());
    conf.put("preset", "small");
    if (pretrainedFrom != null) {
      conf.put("pretrained_from", pretrainedFrom);
    }
    return conf;
  }

  private void trigger(String dag, Map<String, Object> conf, List<String[]> order) {
    JsonNode run = api.trigger(dag, conf, runId);
    String id = run.path("dag_run_id").asText(runId);
    out.println("triggered " + dag + "/" + id + " conf " + conf);
    order.add(new String[] {dag, id});
  }

  /**
   * Polls the runs until those named in {@code mustFinish} (all when null) are final, printing a
   * progress line whenever it changes.
   */
  private Map<String, String> waitAll(List<String[]> runs, Set<String> mustFinish)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    Map<String, String> states = new LinkedHashMap<>();
    String last = "";
    long start = System.nanoTime();
    while (true) {
      List<String> parts = new ArrayList<>();
      boolean done = true;
      for (String[] r : runs) {
        String state = api.dagRun(r[0], r[1]).path("state").asText();
        states.put(r[0], state);
        String current = "";
        if (!ApiClient.FINAL_STATES.contains(state)) {
          done &= mustFinish != null && !mustFinish.contains(r[0]);
          current = api.taskInstances(r[0], r[1]).stream()
              .filter(ti -> "running".equals(ti.path("state").asText()))
              .map(ti -> ":" + ti.path("task_id").asText()).findFirst().orElse("");
        }
        parts.add(r[0] + "=" + state + current);
      }
      String line = String.join("  ", parts);
      if (!line.equals(last)) {
        out.printf("[%4ds] %s%n", (System.nanoTime() - start) / 1_000_000_000L, line);
        last = line;
      }
      if (done) {
        return states;
      }
      if (System.nanoTime() > deadline) {
        out.println("demo: timed out after " + timeout.toMinutes() + " min");
        return states;
      }
      Thread.sleep(2000);
    }
  }

  private RunSummary summarize(String dag, String state) {
    try {
      return summarizeFromMlflow(dag, state);
    } catch (IOException e) {
      throw new UncheckedIOException("reading the demo's results from MLflow: " + e.getMessage(),
          e);
    }
  }

  private RunSummary summarizeFromMlflow(String dag, String state) throws IOException {
    Map<String, Double> metrics = Map.of();
    String link = null;
    String model = null;
    String champion = null;
    Optional<String> exp = mlflow.tracking().experimentIdByName(dag);
    if (exp.isPresent()) {
      Optional<JsonNode> run = mlflow.tracking().runNamed(exp.get(), runId);
      if (run.isPresent()) {
        Map<String, Double> m = new LinkedHashMap<>();
        Tracking.metrics(run.get()).forEach((k, v) -> {
          if (k.startsWith("test_")) {
            m.put(k, v);
          }
        });
        metrics = m;
        link = mlflow.runLink(exp.get(), run.get().path("info").path("run_id").asText());
        Map<String, String> tags = Tracking.tags(run.get());
        model = tags.get("emo.model_uri");
        if (tags.containsKey("emo.champion.decision")) {
          champion = tags.get("emo.champion.decision") + ": " + tags.get("emo.champion.reason");
        }
      }
    }
    return new RunSummary(dag, runId, state, metrics, link, model, champion);
  }
}
