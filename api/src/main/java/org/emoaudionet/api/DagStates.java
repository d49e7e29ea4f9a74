package org.emoaudionet.api;

import io.minio.BucketExistsArgs;
import io.minio.GetObjectArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.errors.ErrorResponseException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.emoaudionet.workflows.activity.S3Keys;
import org.emoaudionet.workflows.dag.DagDefinition;
import org.emoaudionet.workflows.dag.DagState;

/**
 * Each DAG's run-time state ({@link DagState}: paused or not) as one JSON object in S3 at
 * {@link S3Keys#dagState}, so every API replica, every restart and the worker (data triggers)
 * see the same answer. Read on every request: the API keeps no copy that could go stale.
 */
@ApplicationScoped
public class DagStates {
  @Inject ApiSettings settings;

  private MinioClient client;
  private volatile boolean bucketReady;

  synchronized MinioClient client() {
    if (client == null) {
      // a fixed region spares a bucket-location request (MinIO's and S3Proxy's default)
      client = MinioClient.builder().endpoint(settings.s3Endpoint()).region("us-east-1")
          .credentials(settings.s3AccessKey(), settings.s3SecretKey()).build();
    }
    return client;
  }

  /** The stored state, if a user ever paused or resumed the DAG. */
  public Optional<DagState> read(String dagId) {
    String key = S3Keys.dagState(dagId);
    try (InputStream in = client().getObject(GetObjectArgs.builder()
        .bucket(settings.s3Bucket()).object(key).build())) {
      return Optional.of(DagState.fromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8), uri(key)));
    } catch (ErrorResponseException e) {
      String code = e.errorResponse().code();
      if ("NoSuchKey".equals(code) || "NoSuchBucket".equals(code)) return Optional.empty();
      throw unavailable("read", key, e);
    } catch (Exception e) {
      throw unavailable("read", key, e);
    }
  }

  /** Whether the DAG is paused: its stored state, else its file's is_paused_upon_creation. */
  public boolean paused(DagDefinition dag) {
    return read(dag.dagId()).map(DagState::isPaused).orElse(dag.pausedUponCreation());
  }

  public DagState write(String dagId, boolean paused, String user) {
    DagState state = new DagState(paused, Instant.now().truncatedTo(ChronoUnit.MICROS), user);
    String key = S3Keys.dagState(dagId);
    try {
      ensureBucket();
      byte[] body = state.toJson().getBytes(StandardCharsets.UTF_8);
      client().putObject(PutObjectArgs.builder().bucket(settings.s3Bucket()).object(key)
          .stream(new ByteArrayInputStream(body), (long) body.length, null)
          .contentType("application/json").build());
      return state;
    } catch (Exception e) {
      throw unavailable("write", key, e);
    }
  }

  private void ensureBucket() throws Exception {
    if (bucketReady) return;
    String bucket = settings.s3Bucket();
    if (!client().bucketExists(BucketExistsArgs.builder().bucket(bucket).build())) {
      try {
        client().makeBucket(MakeBucketArgs.builder().bucket(bucket).build());
      } catch (ErrorResponseException e) {
        String code = e.errorResponse().code();
        if (!"BucketAlreadyOwnedByYou".equals(code) && !"BucketAlreadyExists".equals(code)) throw e;
      }
    }
    bucketReady = true;
  }

  private ApiException unavailable(String what, String key, Exception e) {
    return ApiException.unavailable("Cannot " + what + " the DAG state " + uri(key) + " at "
        + settings.s3Endpoint() + ": " + e);
  }

  private String uri(String key) {
    return "s3://" + settings.s3Bucket() + "/" + key;
  }
}
