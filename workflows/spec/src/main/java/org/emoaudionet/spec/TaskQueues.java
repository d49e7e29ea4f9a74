package org.emoaudionet.spec;

/** Data work runs on CPU workers; training and evaluation where DJL finds a GPU, if any. */
public final class TaskQueues {
  private TaskQueues() {}

  /** Workflows, download, preprocess, augment, register. */
  public static final String CPU = "emo-cpu";

  /** Train, evaluate and promote (which re-scores the champion). */
  public static final String GPU = "emo-gpu";

  /**
   * Activities one worker process runs at once on {@link #CPU}: the Temporal SDK's default
   * ({@code maxConcurrentActivityExecutionSize}, 200), which the worker keeps.
   */
  public static final int CPU_SLOTS_PER_WORKER = 200;

  /** On {@link #GPU}: one training per worker process (see the worker's Activities). */
  public static final int GPU_SLOTS_PER_WORKER = 1;
}
