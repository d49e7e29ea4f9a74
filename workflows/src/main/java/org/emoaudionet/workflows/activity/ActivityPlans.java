package org.emoaudionet.workflows.activity;

import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import java.time.Duration;
import org.emoaudionet.spec.PipelineTask;
import org.emoaudionet.spec.TaskQueues;

/**
 * Timeouts and retries of each task, on the queue {@link PipelineTask} names. Long tasks heartbeat every few seconds, so a worker
 * that dies is noticed after one heartbeat timeout and the task is retried elsewhere.
 */
public final class ActivityPlans {
  private ActivityPlans() {}

  /** Bad input is not retried: the same data would fail the same way. */
  public static final String[] NON_RETRYABLE = {
    "java.lang.IllegalArgumentException", "org.emoaudionet.audio.AudioFormatException", "BadInput"
  };

  public static final Duration HEARTBEAT_TIMEOUT = Duration.ofSeconds(30);

  public static RetryOptions retries(int maxAttempts, Duration initial) {
    return RetryOptions.newBuilder()
        .setMaximumAttempts(maxAttempts)
        .setInitialInterval(initial)
        .setBackoffCoefficient(2.0)
        .setMaximumInterval(Duration.ofMinutes(5))
        .setDoNotRetry(NON_RETRYABLE)
        .build();
  }

  private static ActivityOptions plan(String queue, Duration startToClose, Duration heartbeat,
      int maxAttempts, Duration initialRetry) {
    ActivityOptions.Builder b = ActivityOptions.newBuilder()
        .setTaskQueue(queue)
        .setStartToCloseTimeout(startToClose)
        .setRetryOptions(retries(maxAttempts, initialRetry));
    if (heartbeat != null) b.setHeartbeatTimeout(heartbeat);
    return b.build();
  }

  public static final ActivityOptions TRACKING =
      plan(TaskQueues.CPU, Duration.ofMinutes(2), null, 5, Duration.ofSeconds(2));
  public static final ActivityOptions DOWNLOAD =
      plan(PipelineTask.DOWNLOAD.queue(), Duration.ofHours(6), HEARTBEAT_TIMEOUT, 3, Duration.ofSeconds(10));
  public static final ActivityOptions PREPROCESS =
      plan(PipelineTask.PREPROCESS.queue(), Duration.ofHours(12), HEARTBEAT_TIMEOUT, 3, Duration.ofSeconds(10));
  /** Planning a sharded preprocess: digests every recording once. */
  public static final ActivityOptions SHARD_PLAN =
      plan(PipelineTask.PREPROCESS.queue(), Duration.ofHours(2), HEARTBEAT_TIMEOUT, 3, Duration.ofSeconds(10));
  /** One shard of a sharded preprocess: small, so quick to retry on another worker. */
  public static final ActivityOptions PREPROCESS_SHARD =
      plan(PipelineTask.PREPROCESS.queue(), Duration.ofHours(2), HEARTBEAT_TIMEOUT, 3, Duration.ofSeconds(10));
  /** Joining the shards into one index: a few S3 writes. */
  public static final ActivityOptions SHARD_JOIN =
      plan(PipelineTask.PREPROCESS.queue(), Duration.ofMinutes(10), null, 5, Duration.ofSeconds(2));
  public static final ActivityOptions AUGMENT =
      plan(PipelineTask.AUGMENT.queue(), Duration.ofHours(12), HEARTBEAT_TIMEOUT, 3, Duration.ofSeconds(10));
  public static final ActivityOptions TRAIN =
      plan(PipelineTask.TRAIN.queue(), Duration.ofHours(72), HEARTBEAT_TIMEOUT, 4, Duration.ofSeconds(10));
  /**
   * {@code train} when the model is imported: a download and one load, so far shorter than
   * training; as many attempts as train so that the task's try count means the same.
   */
  public static final ActivityOptions IMPORT_MODEL =
      plan(PipelineTask.TRAIN.queue(), Duration.ofHours(2), HEARTBEAT_TIMEOUT, 4, Duration.ofSeconds(10));
  public static final ActivityOptions EVALUATE =
      plan(PipelineTask.EVALUATE.queue(), Duration.ofHours(2), HEARTBEAT_TIMEOUT, 3, Duration.ofSeconds(10));
  public static final ActivityOptions REGISTER =
      plan(PipelineTask.REGISTER.queue(), Duration.ofMinutes(5), null, 5, Duration.ofSeconds(2));
  /** Re-scores the champion on the test set, so it is inference like evaluate: same queue, same limits. */
  public static final ActivityOptions PROMOTE =
      plan(PipelineTask.PROMOTE.queue(), Duration.ofHours(2), HEARTBEAT_TIMEOUT, 3, Duration.ofSeconds(10));

  /**
   * The {@code evaluate} task of a cross-validation run: a few MLflow and S3 writes of the folds'
   * summary; as many attempts as evaluate so that the task's try count means the same.
   */
  public static final ActivityOptions CROSS_VALIDATION =
      plan(TaskQueues.CPU, Duration.ofMinutes(10), null, 3, Duration.ofSeconds(2));

  /** Maximum attempts of a task, for the try number of a task that ran out of them. */
  public static int maxAttempts(String taskId) {
    ActivityOptions o = PipelineTask.IDS.contains(taskId) ? of(PipelineTask.of(taskId)) : TRACKING;
    return o.getRetryOptions().getMaximumAttempts();
  }

  /** The options of a task's activity (train: of training, not of importing a model). */
  public static ActivityOptions of(PipelineTask task) {
    return switch (task) {
      case DOWNLOAD -> DOWNLOAD;
      case PREPROCESS -> PREPROCESS;
      case AUGMENT -> AUGMENT;
      case TRAIN -> TRAIN;
      case EVALUATE -> EVALUATE;
      case REGISTER -> REGISTER;
      case PROMOTE -> PROMOTE;
    };
  }
}
