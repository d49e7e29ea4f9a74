package org.emoaudionet.stack;

import io.temporal.api.enums.v1.TaskQueueType;
import io.temporal.api.taskqueue.v1.TaskQueue;
import io.temporal.api.workflowservice.v1.DescribeTaskQueueRequest;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.emoaudionet.mlflow.MlflowClient;

/**
 * The whole platform on one machine: S3 (S3Proxy, in-process), Temporal, MLflow, the API and a
 * worker. Everything it starts is stopped by {@link #close()}, in reverse order.
 */
public final class Stack implements AutoCloseable {
  static final String API_JAR = "api/target/quarkus-app/quarkus-run.jar";
  static final String WORKER_JAR = "workers/worker/target/emo-worker-0.1.0-SNAPSHOT.jar";
  static final String WORKER_LIB = "workers/worker/target/lib";
  static final String WORKER_MAIN = "org.emoaudionet.worker.WorkerMain";

  private final StackConfig config;
  private final PrintStream out;
  private final Deque<AutoCloseable> started = new ArrayDeque<>();
  private final String adminPassword;
  private final String jwtSecret;
  private FileLock lock;
  private EmbeddedS3 s3;
  private TemporalServer temporal;
  private ChildProcess worker;
  private boolean closed;

  private Stack(StackConfig config, PrintStream out) {
    this.config = config;
    this.out = out;
    this.adminPassword = Secrets.adminPassword(config.emoHome(),
        System.getenv("EMO_ADMIN_PASSWORD"));
    this.jwtSecret = Secrets.jwtSecret(config.emoHome(), System.getenv("EMO_JWT_SECRET"));
  }

  /** Starts everything or nothing: on failure what was started is stopped again. */
  public static Stack start(StackConfig config, PrintStream out) throws Exception {
    return start(config, out, s -> {});
  }

  /**
   * As {@link #start(StackConfig, PrintStream)}, handing the stack to {@code beforeStarting}
   * first, e.g. to register a shutdown hook: a SIGTERM or Ctrl-C while it is still starting then
   * stops what was started so far, and nothing started after that is left running.
   */
  public static Stack start(StackConfig config, PrintStream out,
      java.util.function.Consumer<Stack> beforeStarting) throws Exception {
    Files.createDirectories(config.logs());
    Stack stack = new Stack(config, out);
    beforeStarting.accept(stack);
    try {
      stack.startAll();
      return stack;
    } catch (Exception | Error e) {
      stack.close();
      throw e;
    }
  }

  private void startAll() throws Exception {
    long t0 = System.nanoTime();
    lock();
    ChildProcess.stopOrphans(config.emoHome().resolve("run"), out);
    checkPorts();
    checkBuilt();
    ensurePython();

    out.println("starting S3 (S3Proxy) on " + config.s3Endpoint() + ", data in "
        + config.emoHome().resolve("s3"));
    s3 = EmbeddedS3.start(config.emoHome().resolve("s3"), config.host(), config.s3Port(),
        config.s3AccessKey(), config.s3SecretKey(),
        List.of(config.bucket(), StackConfig.MLFLOW_BUCKET));
    track(s3);

    out.println("starting Temporal (" + config.temporalMode().name().toLowerCase() + ")");
    temporal = switch (config.temporalMode()) {
      case JAVA -> JavaTestTemporal.start(config.host(), config.temporalPort(),
          config.namespace());
      case DEV -> DevServerTemporal.start(TemporalMode.temporalCli(config.emoHome())
          .orElseThrow(() -> new IllegalStateException("EMO_TEMPORAL=dev but no temporal CLI: "
              + "run infra/scripts/install-temporal.sh (or set EMO_TEMPORAL_CLI)")), config, out);
      case EXTERNAL -> ExternalTemporal.connect(config.externalTemporalAddress(),
          config.namespace());
    };
    track(temporal);
    if (!temporal.limitations().isEmpty()) {
      out.println("note: " + temporal.limitations());
    }

    out.println("starting MLflow, the API" + (config.startWorker() ? " and a worker" : ""));
    ChildProcess mlflow = child("mlflow", mlflowCommand(config), mlflowEnv(config));
    ChildProcess api = child("api", apiCommand(), config.apiEnv(adminPassword, jwtSecret));
    if (config.startWorker()) {
      worker = startWorker();
    }
    mlflow.awaitHealthy(Duration.ofSeconds(120),
        () -> JsonHttp.healthy(config.mlflowUrl() + "/health"));
    api.awaitHealthy(Duration.ofSeconds(90),
        () -> JsonHttp.healthy(config.apiUrl() + "/api/v2/monitor/health"));
    if (worker != null) {
      awaitWorker(worker);
    }
    out.printf("stack up in %.1f s%n", (System.nanoTime() - t0) / 1e9);
  }

  private ChildProcess child(String name, List<String> command, Map<String, String> env) {
    ChildProcess p = ChildProcess.start(new ChildProcess.Spec(name, command, env,
        config.repoRoot(), config.logs().resolve(name + ".log"),
        config.emoHome().resolve("run")), true, out);
    track(p);
    return p;
  }

  /** Remembers {@code c} for {@link #close()}; if the stack is already stopping, stops it now. */
  private synchronized void track(AutoCloseable c) {
    if (closed) {
      try {
        c.close();
      } catch (Exception e) {
        out.println("warning: stopping " + c + " failed: " + e);
      }
      throw new IllegalStateException("the stack is stopping (SIGTERM or Ctrl-C while starting)");
    }
    started.push(c);
  }

  /** Starts a worker process with the stack's environment (tests start and kill their own). */
  public ChildProcess startWorker() {
    return child("worker", workerCommand(), config.workerEnv());
  }

  /** A worker polling only {@code queues} (e.g. a GPU machine's {@code emo-gpu}), logging to {@code name}.log. */
  public ChildProcess startWorker(String name, List<String> queues) {
    Map<String, String> env = new java.util.HashMap<>(config.workerEnv());
    env.put("EMO_WORKER_QUEUES", String.join(",", queues));
    return child(name, workerCommand(), env);
  }

  /** Waits until a worker polls the workflow task queue (or, failing that check, stays up). */
  public void awaitWorker(ChildProcess w) {
    long since = System.nanoTime();
    w.awaitHealthy(Duration.ofSeconds(120), () -> {
      Boolean polling = workerPolling();
      return polling != null ? polling : System.nanoTime() - since > 5_000_000_000L;
    });
  }

  /** Whether some worker polls emo-cpu; null when the server cannot say. */
  Boolean workerPolling() {
    WorkflowServiceStubs stubs = WorkflowServiceStubs.newServiceStubs(
        WorkflowServiceStubsOptions.newBuilder().setTarget(temporal.address())
            .setRpcTimeout(Duration.ofSeconds(2)).validateAndBuildWithDefaults());
    try {
      return stubs.blockingStub().describeTaskQueue(DescribeTaskQueueRequest.newBuilder()
          .setNamespace(config.namespace())
          .setTaskQueue(TaskQueue.newBuilder().setName("emo-cpu").build())
          .setTaskQueueType(TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW).build())
          .getPollersCount() > 0;
    } catch (io.grpc.StatusRuntimeException e) {
      return e.getStatus().getCode() == io.grpc.Status.Code.UNIMPLEMENTED ? null : false;
    } finally {
      stubs.shutdownNow();
    }
  }

  private void lock() throws IOException {
    Path file = config.emoHome().resolve("stack.lock");
    FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    lock = ch.tryLock();
    if (lock == null) {
      ch.close();
      throw new IllegalStateException("another stack is running with EMO_HOME="
          + config.emoHome() + " (it holds " + file + "); stop it or use another EMO_HOME");
    }
    FileLock held = lock;
    track(() -> {
      held.release();
      held.channel().close();
    });
  }

  private void checkPorts() {
    Ports.requireFree("EMO_S3_PORT", config.host(), config.s3Port());
    Ports.requireFree("EMO_MLFLOW_PORT", config.host(), config.mlflowPort());
    Ports.requireFree("EMO_API_PORT", config.apiHost(), config.apiPort());
    if (config.temporalMode() != TemporalMode.EXTERNAL) {
      Ports.requireFree("EMO_TEMPORAL_PORT", config.host(), config.temporalPort());
    }
    if (config.temporalMode() == TemporalMode.DEV) {
      Ports.requireFree("EMO_TEMPORAL_UI_PORT", config.host(), config.temporalUiPort());
    }
  }

  private void checkBuilt() {
    List<String> missing = new ArrayList<>();
    if (!Files.isRegularFile(config.repoRoot().resolve(API_JAR))) {
      missing.add(API_JAR);
    }
    if (config.startWorker() && !Files.isRegularFile(config.repoRoot().resolve(WORKER_JAR))) {
      missing.add(WORKER_JAR);
    }
    if (!missing.isEmpty()) {
      throw new IllegalStateException("not built: " + String.join(", ", missing) + " under "
          + config.repoRoot() + "; run `mvn -B -DskipTests package` there first");
    }
  }

  private void ensurePython() throws IOException, InterruptedException {
    if (Files.isExecutable(config.emoHome().resolve("venv/bin/mlflow"))
        && Files.exists(config.emoHome().resolve("venv/.emo-setup-done"))) {
      return;
    }
    Path script = config.repoRoot().resolve("infra/scripts/setup-python.sh");
    out.println("MLflow is not installed in " + config.emoHome().resolve("venv") + ": running "
        + script);
    ProcessBuilder pb = new ProcessBuilder("bash", script.toString()).redirectErrorStream(true);
    pb.environment().put("EMO_HOME", config.emoHome().toString());
    Process p = pb.start();
    p.getInputStream().transferTo(out);
    if (p.waitFor() != 0) {
      throw new IllegalStateException(script + " failed (exit " + p.exitValue() + ")");
    }
  }

  /** {@code mlflow server} on SQLite with artifacts proxied to s3://mlflow/. */
  static List<String> mlflowCommand(StackConfig config) {
    return List.of(config.emoHome().resolve("venv/bin/mlflow").toString(), "server",
        "--host", config.host(), "--port", Integer.toString(config.mlflowPort()),
        "--backend-store-uri",
        "sqlite:///" + config.emoHome().resolve("mlflow/mlflow.db"),
        "--artifacts-destination", "s3://" + StackConfig.MLFLOW_BUCKET + "/",
        "--workers", "1");
  }

  static Map<String, String> mlflowEnv(StackConfig config) throws IOException {
    Files.createDirectories(config.emoHome().resolve("mlflow"));
    Map<String, String> env = new LinkedHashMap<>();
    env.put("MLFLOW_S3_ENDPOINT_URL", config.s3Endpoint());
    env.put("AWS_ACCESS_KEY_ID", config.s3AccessKey());
    env.put("AWS_SECRET_ACCESS_KEY", config.s3SecretKey());
    env.put("AWS_DEFAULT_REGION", "us-east-1");
    return env;
  }

  List<String> apiCommand() {
    List<String> cmd = new ArrayList<>(List.of(javaBin(),
        "-Dquarkus.http.host=" + config.apiHost(),
        "-Dquarkus.http.port=" + config.apiPort(),
        // The serving endpoint runs PyTorch in this JVM: natives from the classpath only, and
        // half the cores, so that the worker training beside it keeps the other half.
        "-Dai.djl.offline=true",
        "-Dai.djl.pytorch.num_threads=" + Math.max(1, Runtime.getRuntime().availableProcessors() / 2),
        "-Dai.djl.pytorch.num_interop_threads=1"));
    cmd.addAll(splitOpts(System.getenv("EMO_API_JAVA_OPTS")));
    cmd.addAll(List.of("-jar", config.repoRoot().resolve(API_JAR).toString()));
    return cmd;
  }

  List<String> workerCommand() {
    List<String> cmd = new ArrayList<>(List.of(javaBin(), "-Dai.djl.offline=true"));
    cmd.addAll(splitOpts(System.getenv("EMO_WORKER_JAVA_OPTS")));
    cmd.addAll(List.of("-cp", config.repoRoot().resolve(WORKER_JAR) + java.io.File.pathSeparator
        + config.repoRoot().resolve(WORKER_LIB) + "/*", WORKER_MAIN));
    return cmd;
  }

  private static List<String> splitOpts(String opts) {
    return opts == null || opts.isBlank() ? List.of() : List.of(opts.trim().split("\\s+"));
  }

  private static String javaBin() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  public StackConfig config() {
    return config;
  }

  public String adminPassword() {
    return adminPassword;
  }

  public EmbeddedS3 s3() {
    return s3;
  }

  public TemporalServer temporal() {
    return temporal;
  }

  public ApiClient apiClient() {
    return new ApiClient(config.apiUrl(), config.adminUser(), adminPassword);
  }

  public MlflowClient mlflow() {
    return new MlflowClient(config.mlflowUrl());
  }

  /** Human-readable summary for {@code emo up}. */
  public String banner() {
    StringBuilder b = new StringBuilder();
    b.append("\nEmoAudioNet stack is up (EMO_HOME=").append(config.emoHome()).append(")\n");
    b.append("  API (Airflow 3 REST)  ").append(config.apiUrl()).append("/api/v2\n");
    b.append("  MLflow UI             ").append(config.mlflowUrl()).append('\n');
    temporal.uiUrl().ifPresent(u -> b.append("  Temporal UI           ").append(u).append('\n'));
    b.append("  Temporal frontend     ").append(temporal.address()).append(" (")
        .append(config.temporalMode().name().toLowerCase()).append(")\n");
    b.append("  S3                    ").append(config.s3Endpoint()).append(" (buckets ")
        .append(config.bucket()).append(", ").append(StackConfig.MLFLOW_BUCKET).append(")\n");
    b.append("  login                 user '").append(config.adminUser()).append("', password in ")
        .append(System.getenv("EMO_ADMIN_PASSWORD") != null ? "$EMO_ADMIN_PASSWORD"
            : config.adminPasswordFile().toString()).append('\n');
    b.append("  logs                  ").append(config.logs()).append('\n');
    return b.toString();
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    while (!started.isEmpty()) {
      // Child processes started one after another stop together: each may use its grace time.
      List<ChildProcess> children = new ArrayList<>();
      while (!started.isEmpty() && started.peek() instanceof ChildProcess p) {
        children.add(p);
        started.pop();
      }
      if (!children.isEmpty()) {
        children.stream().map(p -> java.util.concurrent.CompletableFuture.runAsync(p::close))
            .toList().forEach(f -> {
              try {
                f.join();
              } catch (RuntimeException e) {
                out.println("warning: stopping a child failed: " + e);
              }
            });
        continue;
      }
      AutoCloseable c = started.pop();
      try {
        c.close();
      } catch (Exception e) {
        out.println("warning: stopping " + c + " failed: " + e);
      }
    }
  }
}
