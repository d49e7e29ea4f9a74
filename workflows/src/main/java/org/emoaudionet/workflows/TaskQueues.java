package org.emoaudionet.workflows;

/** Data work runs on CPU workers; training and evaluation where DJL finds a GPU, if any. */
public final class TaskQueues {
  private TaskQueues() {}

  /** Workflows, download, preprocess, augment, register. */
  public static final String CPU = "emo-cpu";

  /** Train, evaluate and promote (which re-scores the champion). */
  public static final String GPU = "emo-gpu";
}
