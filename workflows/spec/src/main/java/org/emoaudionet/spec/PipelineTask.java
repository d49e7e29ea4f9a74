package org.emoaudionet.spec;

import java.util.Arrays;
import java.util.List;

/**
 * The seven tasks of every DAG, in order, each with the task queue its activity listens on. The
 * one place a task's queue is written: the workflows' {@code ActivityPlans} builds the activity options from it,
 * the API shows it as the Airflow task's {@code queue}, and the worker registers each task's
 * implementation on the worker of that queue.
 */
public enum PipelineTask {
  DOWNLOAD("download", TaskQueues.CPU),
  PREPROCESS("preprocess", TaskQueues.CPU),
  AUGMENT("augment", TaskQueues.CPU),
  /** Training (or importing a model, which opens it with the DJL engines) where DJL finds a GPU. */
  TRAIN("train", TaskQueues.GPU),
  EVALUATE("evaluate", TaskQueues.GPU),
  REGISTER("register", TaskQueues.CPU),
  /** It re-scores the current champion on this run's test set: inference, queued like evaluate. */
  PROMOTE("promote", TaskQueues.GPU);

  /** Task ids in order (Airflow's task_id). */
  public static final List<String> IDS = Arrays.stream(values()).map(PipelineTask::id).toList();

  private final String id;
  private final String queue;

  PipelineTask(String id, String queue) {
    this.id = id;
    this.queue = queue;
  }

  public String id() {
    return id;
  }

  public String queue() {
    return queue;
  }

  /** @throws IllegalArgumentException an unknown task id, naming the known ones */
  public static PipelineTask of(String taskId) {
    for (PipelineTask t : values()) if (t.id.equals(taskId)) return t;
    throw new IllegalArgumentException("unknown task '" + taskId + "'; tasks: " + IDS);
  }
}
