package org.emoaudionet.stack;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import org.emoaudionet.mlflow.MlflowClient;

/** {@code emo up | demo | run | status | predict --registered}: the embedded platform from one command. */
@Command(name = "emo", mixinStandardHelpOptions = true,
    subcommands = {StackMain.Up.class, StackMain.DemoCmd.class, StackMain.Run.class,
        StackMain.Status.class, StackMain.Predict.class},
    description = "EmoAudioNet platform on one machine. Configuration: EMO_* environment "
        + "variables (infra/README.md).")
public final class StackMain implements Callable<Integer> {
  static final PrintStream OUT = System.out;

  public static void main(String[] args) {
    CommandLine cl = new CommandLine(new StackMain());
    cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
      System.err.println("emo: " + e.getMessage());
      if (System.getenv("EMO_DEBUG") != null) {
        e.printStackTrace();
      }
      return 2;
    });
    System.exit(cl.execute(args));
  }

  @Override
  public Integer call() {
    new CommandLine(this).usage(OUT);
    return 2;
  }

  static Stack startWithHook(StackConfig config) throws Exception {
    // The hook goes in before anything starts: a SIGTERM during the minute of starting must stop
    // the children started so far too, not leave them to the next `emo up`.
    return Stack.start(config, OUT, stack -> Runtime.getRuntime().addShutdownHook(
        new Thread(() -> {
          OUT.println("stopping the stack");
          stack.close();
        }, "emo-stack-shutdown")));
  }

  static ApiClient client(StackConfig c) {
    return new ApiClient(c.apiUrl(), c.adminUser(),
        Secrets.adminPassword(c.emoHome(), System.getenv("EMO_ADMIN_PASSWORD")));
  }

  @Command(name = "up", description = "Start the stack and stay in the foreground until Ctrl-C.")
  static final class Up implements Callable<Integer> {
    @Override
    public Integer call() throws Exception {
      Stack stack = startWithHook(StackConfig.fromEnv());
      OUT.println(stack.banner());
      OUT.println("Ctrl-C stops everything.");
      new CountDownLatch(1).await();
      return 0;
    }
  }

  @Command(name = "demo", description = "Pretrain on LibriSpeech, fine-tune RECOLA arousal and "
      + "valence, DAIC-WOZ PHQ-8 binary (small preset, bundled samples); exit 0 if all succeed.")
  static final class DemoCmd implements Callable<Integer> {
    @Option(names = "--timeout-min", defaultValue = "90",
        description = "give up waiting after this many minutes (default ${DEFAULT-VALUE})")
    int timeoutMin;

    @Override
    public Integer call() throws Exception {
      StackConfig config = StackConfig.fromEnv();
      ApiClient api = client(config);
      Stack stack = null;
      if (api.healthy()) {
        OUT.println("using the stack already up at " + config.apiUrl());
      } else {
        stack = startWithHook(config);
        OUT.println(stack.banner());
      }
      try {
        boolean ok = new Demo(api, new MlflowClient(config.mlflowUrl()),
            config.repoRoot().resolve("workers/samples"), OUT,
            Duration.ofMinutes(timeoutMin)).run();
        return ok ? 0 : 1;
      } finally {
        if (stack != null) {
          OUT.println("stopping the stack the demo started");
          stack.close();
        }
      }
    }
  }

  @Command(name = "run", description = "Trigger a DAG run through the API.")
  static final class Run implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DAG_ID")
    String dagId;

    @Option(names = "--conf", paramLabel = "JSON", description = "the run's conf, a JSON object")
    String conf;

    @Option(names = "--run-id", description = "dag_run_id (default: chosen by the API)")
    String runId;

    @Option(names = "--wait", description = "wait for the run to finish; exit 0 on success")
    boolean await;

    @Option(names = "--timeout-min", defaultValue = "120")
    int timeoutMin;

    @Override
    public Integer call() throws Exception {
      Map<String, Object> confMap = conf == null ? Map.of()
          : JsonHttp.JSON.readValue(conf, new TypeReference<Map<String, Object>>() {});
      ApiClient api = client(StackConfig.fromEnv());
      JsonNode run = api.trigger(dagId, confMap, runId);
      String id = run.path("dag_run_id").asText();
      OUT.println(dagId + "/" + id + " " + run.path("state").asText());
      if (!await) {
        return 0;
      }
      String[] last = {""};
      JsonNode fin = api.await(dagId, id, Duration.ofMinutes(timeoutMin), p -> {
        String line = p.line();
        if (!line.equals(last[0])) {
          OUT.println(line);
          last[0] = line;
        }
      });
      return "success".equals(fin.path("state").asText()) ? 0 : 1;
    }
  }

  @Command(name = "status", description = "Recent runs, or one run's task instances "
      + "(RUN = dag_id/dag_run_id, or a dag_run_id).")
  static final class Status implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "RUN")
    String run;

    @Option(names = "--limit", defaultValue = "20")
    int limit;

    @Override
    public Integer call() {
      ApiClient api = client(StackConfig.fromEnv());
      if (run == null) {
        List<JsonNode> runs = api.dagRuns("~", limit);
        OUT.printf("%-32s %-40s %-8s %s%n", "DAG", "RUN", "STATE", "START");
        runs.forEach(r -> OUT.printf("%-32s %-40s %-8s %s%n", r.path("dag_id").asText(),
            r.path("dag_run_id").asText(), r.path("state").asText(),
            r.path("start_date").asText("")));
        return 0;
      }
      String dagId;
      String runId;
      int slash = run.lastIndexOf('/');
      if (slash > 0) {
        dagId = run.substring(0, slash);
        runId = run.substring(slash + 1);
      } else {
        runId = run;
        dagId = api.dagRuns("~", 1000).stream()
            .filter(r -> runId.equals(r.path("dag_run_id").asText()))
            .map(r -> r.path("dag_id").asText()).findFirst()
            .orElseThrow(() -> new IllegalArgumentException("no run with dag_run_id '" + runId
                + "'; give it as dag_id/dag_run_id"));
      }
      JsonNode r = api.dagRun(dagId, runId);
      OUT.println(dagId + "/" + runId + "  " + r.path("state").asText() + "  start "
          + r.path("start_date").asText("-") + "  end " + r.path("end_date").asText("-"));
      OUT.println("conf " + r.path("conf"));
      for (JsonNode ti : api.taskInstances(dagId, runId)) {
        OUT.printf("  %-11s %-16s try %d  %s .. %s%n", ti.path("task_id").asText(),
            ti.path("state").asText("none"), ti.path("try_number").asInt(),
            ti.path("start_date").asText("-"), ti.path("end_date").asText("-"));
      }
      return 0;
    }
  }

  @Command(name = "predict", description = "Score audio files with a registered model through "
      + "the running stack's API (POST /api/emo/models/{name}/predict); one JSON line per file.")
  static final class Predict implements Callable<Integer> {
    @Option(names = "--registered", required = true, paramLabel = "NAME",
        description = "registered model (emoaudionet-<dag_id>) or DAG id")
    String name;

    @Option(names = "--version", paramLabel = "N", description = "a version number or 'latest' "
        + "(default: the alias)")
    String version;

    @Option(names = "--alias", description = "default: champion")
    String alias;

    @Parameters(arity = "1..*", paramLabel = "AUDIO", description = "WAV or FLAC files")
    List<java.nio.file.Path> files;

    @Override
    public Integer call() throws Exception {
      ApiClient.Answer r = client(StackConfig.fromEnv()).predict(name, files, version, alias);
      OUT.print(PredictionLines.format(r));
      String refusal = PredictionLines.refusal(r);
      if (refusal != null) System.err.println("emo predict: " + refusal);
      return r.ok() ? 0 : 1;
    }
  }
}
