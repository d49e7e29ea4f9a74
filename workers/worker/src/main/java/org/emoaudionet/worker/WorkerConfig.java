package org.emoaudionet.worker;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.emoaudionet.workflows.conf.DataSourcePolicy;

/**
 * The platform's environment variables (infra/README.md, "Environment variables"), with the
 * embedded stack's defaults.
 *
 * @param dataSources where runs may make this worker read data from (EMO_DATA_ROOTS,
 *     EMO_DATA_HOSTS): checked again right before every fetch, whatever the API let through
 * @param systemMetricsInterval how often train logs MLflow system metrics; null: not at all. From
 *     MLflow's own variables: {@code MLFLOW_SYSTEM_METRICS_SAMPLING_INTERVAL} (seconds, default 10
 *     as MLflow's) and {@code MLFLOW_ENABLE_SYSTEM_METRICS_LOGGING=false} to switch it off (on by
 *     default here, unlike MLflow: a training job is what these charts are for)
 */
public record WorkerConfig(
    Path emoHome,
    String temporalAddress,
    String temporalNamespace,
    String s3Endpoint,
    String s3AccessKey,
    String s3SecretKey,
    String s3Bucket,
    String mlflowUri,
    Path workDir,
    List<String> queues,
    DataSourcePolicy dataSources,
    Duration systemMetricsInterval) {

  public static WorkerConfig fromEnv() {
    return fromEnv(System.getenv());
  }

  public static WorkerConfig fromEnv(Map<String, String> env) {
    Path home = Path.of(env.getOrDefault("EMO_HOME", ".emo")).toAbsolutePath().normalize();
    String work = env.get("EMO_WORK_DIR");
    List<String> queues = Arrays.stream(env.getOrDefault("EMO_WORKER_QUEUES", "emo-cpu,emo-gpu")
            .split(","))
        .map(String::trim).filter(s -> !s.isEmpty()).toList();
    for (String q : queues) {
      if (!q.equals("emo-cpu") && !q.equals("emo-gpu")) {
        throw new IllegalArgumentException(
            "EMO_WORKER_QUEUES: unknown queue '" + q + "' (expected emo-cpu and/or emo-gpu)");
      }
    }
    return new WorkerConfig(home,
        env.getOrDefault("EMO_TEMPORAL_ADDRESS", "127.0.0.1:7233"),
        env.getOrDefault("EMO_TEMPORAL_NAMESPACE", "default"),
        env.getOrDefault("EMO_S3_ENDPOINT", "http://127.0.0.1:9000"),
        env.getOrDefault("EMO_S3_ACCESS_KEY", "emo"),
        env.getOrDefault("EMO_S3_SECRET_KEY", "emo-secret-key"),
        env.getOrDefault("EMO_S3_BUCKET", "emo"),
        env.getOrDefault("EMO_MLFLOW_URI", "http://127.0.0.1:5000"),
        work == null ? home.resolve("work") : Path.of(work).toAbsolutePath().normalize(),
        queues,
        DataSourcePolicy.fromEnv(withHome(env, home)),
        systemMetricsInterval(env));
  }

  static Duration systemMetricsInterval(Map<String, String> env) {
    if ("false".equalsIgnoreCase(env.getOrDefault("MLFLOW_ENABLE_SYSTEM_METRICS_LOGGING", "true")
        .trim())) {
      return null;
    }
    String s = env.getOrDefault("MLFLOW_SYSTEM_METRICS_SAMPLING_INTERVAL", "10").trim();
    double seconds;
    try {
      seconds = Double.parseDouble(s);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("MLFLOW_SYSTEM_METRICS_SAMPLING_INTERVAL: not a number"
          + " of seconds: '" + s + "'");
    }
    if (!(seconds > 0)) {
      throw new IllegalArgumentException("MLFLOW_SYSTEM_METRICS_SAMPLING_INTERVAL must be > 0"
          + " seconds, got " + s);
    }
    return Duration.ofMillis(Math.round(seconds * 1000));
  }

  /** The policy's default data root is {@code $EMO_HOME/data}, with EMO_HOME as resolved here. */
  private static Map<String, String> withHome(Map<String, String> env, Path home) {
    Map<String, String> out = new java.util.HashMap<>(env);
    out.put("EMO_HOME", home.toString());
    return out;
  }
}
