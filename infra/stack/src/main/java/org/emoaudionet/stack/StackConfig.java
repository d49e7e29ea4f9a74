package org.emoaudionet.stack;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Everything the embedded stack needs to know, read from the platform's environment variables
 * (infra/README.md, "Environment variables": the same ones every child process gets) with the
 * embedded defaults.
 *
 * @param startWorker false when a test drives its own worker process
 * @param dagsFolder EMO_DAGS_FOLDER, extra DAG files for the API; null: the bundled DAGs only
 * @param explicitDataRoots EMO_DATA_ROOTS as given; null: {@link #dataRoots()}'s default
 * @param dataHosts EMO_DATA_HOSTS, the http(s) hosts data may come from; empty: any public one
 */
public record StackConfig(
    Path repoRoot,
    Path emoHome,
    String host,
    String apiHost,
    int apiPort,
    int s3Port,
    int mlflowPort,
    int temporalPort,
    int temporalUiPort,
    TemporalMode temporalMode,
    String externalTemporalAddress,
    String namespace,
    String s3AccessKey,
    String s3SecretKey,
    String bucket,
    String adminUser,
    String workerQueues,
    boolean startWorker,
    String dagsFolder,
    String explicitDataRoots,
    String dataHosts) {

  public static final String MLFLOW_BUCKET = "mlflow";

  /** The environment of this process, with the repository found from the working directory. */
  public static StackConfig fromEnv() {
    return fromEnv(System.getenv(), RepoRoot.find());
  }

  public static StackConfig fromEnv(Map<String, String> env, Path repoRoot) {
    Path home = Path.of(env.getOrDefault("EMO_HOME", repoRoot.resolve(".emo").toString()))
        .toAbsolutePath().normalize();
    String host = env.getOrDefault("EMO_BIND_HOST", "127.0.0.1");
    return new StackConfig(
        repoRoot,
        home,
        host,
        env.getOrDefault("EMO_API_HOST", host),
        port(env, "EMO_API_PORT", 8080),
        port(env, "EMO_S3_PORT", 9000),
        port(env, "EMO_MLFLOW_PORT", 5000),
        port(env, "EMO_TEMPORAL_PORT", 7233),
        port(env, "EMO_TEMPORAL_UI_PORT", 8233),
        TemporalMode.parse(env.get("EMO_TEMPORAL"), home),
        env.get("EMO_TEMPORAL_ADDRESS"),
        env.getOrDefault("EMO_TEMPORAL_NAMESPACE", "default"),
        env.getOrDefault("EMO_S3_ACCESS_KEY", "emo"),
        env.getOrDefault("EMO_S3_SECRET_KEY", "emo-secret-key"),
        env.getOrDefault("EMO_S3_BUCKET", "emo"),
        env.getOrDefault("EMO_ADMIN_USER", "admin"),
        env.getOrDefault("EMO_WORKER_QUEUES", "emo-cpu,emo-gpu"),
        !"false".equalsIgnoreCase(env.getOrDefault("EMO_STACK_WORKER", "true").trim()),
        blankToNull(env.get("EMO_DAGS_FOLDER")),
        blankToNull(env.get("EMO_DATA_ROOTS")),
        env.getOrDefault("EMO_DATA_HOSTS", "").trim());
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  private static int port(Map<String, String> env, String name, int dflt) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      return dflt;
    }
    try {
      int port = Integer.parseInt(value.trim());
      if (port < 1 || port > 65535) {
        throw new NumberFormatException();
      }
      return port;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + "='" + value + "' is not a TCP port (1..65535)");
    }
  }

  /** A copy on other ports (tests run next to a developer's stack). */
  public StackConfig withPorts(int api, int s3, int mlflow, int temporal, int temporalUi) {
    return new StackConfig(repoRoot, emoHome, host, apiHost, api, s3, mlflow, temporal, temporalUi,
        temporalMode, externalTemporalAddress, namespace, s3AccessKey, s3SecretKey, bucket,
        adminUser, workerQueues, startWorker, dagsFolder, explicitDataRoots, dataHosts);
  }

  public StackConfig withEmoHome(Path home) {
    return new StackConfig(repoRoot, home, host, apiHost, apiPort, s3Port, mlflowPort, temporalPort,
        temporalUiPort, temporalMode, externalTemporalAddress, namespace, s3AccessKey, s3SecretKey,
        bucket, adminUser, workerQueues, startWorker, dagsFolder, explicitDataRoots, dataHosts);
  }

  public StackConfig withTemporalMode(TemporalMode mode) {
    return new StackConfig(repoRoot, emoHome, host, apiHost, apiPort, s3Port, mlflowPort,
        temporalPort, temporalUiPort, mode, externalTemporalAddress, namespace, s3AccessKey,
        s3SecretKey, bucket, adminUser, workerQueues, startWorker, dagsFolder, explicitDataRoots, dataHosts);
  }

  public StackConfig withoutWorker() {
    return new StackConfig(repoRoot, emoHome, host, apiHost, apiPort, s3Port, mlflowPort,
        temporalPort, temporalUiPort, temporalMode, externalTemporalAddress, namespace, s3AccessKey,
        s3SecretKey, bucket, adminUser, workerQueues, false, dagsFolder, explicitDataRoots, dataHosts);
  }

  /** A copy whose API reads extra DAG files from {@code folder}. */
  public StackConfig withDagsFolder(Path folder) {
    return new StackConfig(repoRoot, emoHome, host, apiHost, apiPort, s3Port, mlflowPort,
        temporalPort, temporalUiPort, temporalMode, externalTemporalAddress, namespace, s3AccessKey,
        s3SecretKey, bucket, adminUser, workerQueues, startWorker,
        folder.toAbsolutePath().normalize().toString(), explicitDataRoots, dataHosts);
  }

  /**
   * EMO_DATA_ROOTS for the API and the workers, which must agree on it (the API refuses at
   * trigger time what a worker would refuse): as given, else the bundled sample corpora (the
   * demo's data) and {@code $EMO_HOME/data}.
   */
  public String dataRoots() {
    return explicitDataRoots != null ? explicitDataRoots
        : repoRoot.resolve("workers/samples") + File.pathSeparator + emoHome.resolve("data");
  }

  public String temporalAddress() {
    return temporalMode == TemporalMode.EXTERNAL && externalTemporalAddress != null
        ? externalTemporalAddress
        : host + ":" + temporalPort;
  }

  public String s3Endpoint() {
    return "http://" + host + ":" + s3Port;
  }

  public String mlflowUrl() {
    return "http://" + host + ":" + mlflowPort;
  }

  /** Where clients reach the API (0.0.0.0 binds are reached through loopback). */
  public String apiUrl() {
    String h = apiHost.equals("0.0.0.0") ? "127.0.0.1" : apiHost;
    return "http://" + h + ":" + apiPort;
  }

  public Path logs() {
    return emoHome.resolve("logs");
  }

  /**
   * Where the core's Maven build unpacks the TensorFlow natives that DJL's TensorFlow engine
   * loads offline (imported Keras SavedModels), named to every JVM by TENSORFLOW_LIBRARY_PATH.
   */
  public Path tensorflowNatives() {
    return repoRoot.resolve("workers/core/target/tensorflow-native");
  }

  public Path python() {
    return emoHome.resolve("venv/bin/python");
  }

  public Path adminPasswordFile() {
    return emoHome.resolve("admin-password");
  }

  /** The API's environment: the shared one plus the secrets it signs and checks logins with. */
  public Map<String, String> apiEnv(String adminPassword, String jwtSecret) {
    Map<String, String> env = sharedEnv();
    env.put("EMO_ADMIN_PASSWORD", adminPassword);
    env.put("EMO_JWT_SECRET", jwtSecret);
    return env;
  }

  /**
   * A worker's environment: no login secrets, which it never needs, so that a task that leaks
   * its environment (a log, a crash dump) leaks none. Null values remove what the stack's own
   * environment would otherwise pass on.
   */
  public Map<String, String> workerEnv() {
    Map<String, String> env = sharedEnv();
    env.put("EMO_ADMIN_PASSWORD", null);
    env.put("EMO_JWT_SECRET", null);
    return env;
  }

  /** The platform variables every child process (API, worker) gets. */
  private Map<String, String> sharedEnv() {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("EMO_HOME", emoHome.toString());
    env.put("EMO_TEMPORAL_ADDRESS", temporalAddress());
    env.put("EMO_TEMPORAL_NAMESPACE", namespace);
    env.put("EMO_S3_ENDPOINT", s3Endpoint());
    env.put("EMO_S3_ACCESS_KEY", s3AccessKey);
    env.put("EMO_S3_SECRET_KEY", s3SecretKey);
    env.put("EMO_S3_BUCKET", bucket);
    env.put("EMO_MLFLOW_URI", mlflowUrl());
    env.put("EMO_WORK_DIR", emoHome.resolve("work").toString());
    env.put("EMO_WORKER_QUEUES", workerQueues);
    env.put("EMO_API_PORT", Integer.toString(apiPort));
    env.put("EMO_API_HOST", apiHost);
    env.put("EMO_ADMIN_USER", adminUser);
    // The API and the workers may score a Keras SavedModel (ScoringModels.load): TensorFlow's
    // natives offline, while PyTorch stays the engine that trains and scores our own networks.
    env.put("TENSORFLOW_LIBRARY_PATH", tensorflowNatives().toString());
    env.put("DJL_DEFAULT_ENGINE", "PyTorch");
    env.put("TF_CPP_MIN_LOG_LEVEL", "1");
    // PyTorch's large CPU buffers on transparent huge pages (README, Benchmarks); 0 turns it off.
    env.put("THP_MEM_ALLOC_ENABLE", System.getenv().getOrDefault("THP_MEM_ALLOC_ENABLE", "1"));
    if (dagsFolder != null) env.put("EMO_DAGS_FOLDER", dagsFolder);
    env.put("EMO_DATA_ROOTS", dataRoots());
    if (!dataHosts.isEmpty()) env.put("EMO_DATA_HOSTS", dataHosts);
    if (Files.isExecutable(python())) {
      env.put("EMO_PYTHON", python().toString());
    }
    return env;
  }
}
