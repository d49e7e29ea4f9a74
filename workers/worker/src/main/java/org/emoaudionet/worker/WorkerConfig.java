package org.emoaudionet.worker;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.emoaudionet.workflows.DataSourcePolicy;

/**
 * The PLATFORM.md environment variables, with the embedded stack's defaults.
 *
 * @param dataSources where runs may make this worker read data from (EMO_DATA_ROOTS,
 *     EMO_DATA_HOSTS): checked again right before every fetch, whatever the API let through
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
    DataSourcePolicy dataSources) {

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
        DataSourcePolicy.fromEnv(withHome(env, home)));
  }

  /** The policy's default data root is {@code $EMO_HOME/data}, with EMO_HOME as resolved here. */
  private static Map<String, String> withHome(Map<String, String> env, Path home) {
    Map<String, String> out = new java.util.HashMap<>(env);
    out.put("EMO_HOME", home.toString());
    return out;
  }
}
