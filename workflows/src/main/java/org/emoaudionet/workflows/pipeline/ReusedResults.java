package org.emoaudionet.workflows.pipeline;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;

/**
 * What a task-level clear keeps of the execution it replaces (Airflow's clearTaskInstances): the
 * tasks that are not cleared, as that execution left them (state, times, try, log and output),
 * which the new execution shows and feeds downstream instead of running them again; and the try
 * count of each cleared task, which its next run continues (Airflow's try_number goes on).
 *
 * @param previousRunId Temporal run id of the execution the kept results come from
 * @param kept the kept tasks, each {@code success} with its output
 * @param previousTries cleared task id → its try number in that execution
 */
public record ReusedResults(String previousRunId, List<TaskState> kept,
    Map<String, Integer> previousTries) {
  private static final ObjectMapper JSON = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  public ReusedResults {
    kept = List.copyOf(kept);
    previousTries = Map.copyOf(previousTries);
  }

  /** The kept state of {@code taskId}, or null when that task runs again. */
  public TaskState state(String taskId) {
    for (TaskState t : kept) if (t.taskId().equals(taskId)) return t;
    return null;
  }

  /**
   * The kept output of {@code taskId} as its record type (inputs arrive as JSON trees), or null
   * when that task runs again. A pure conversion, so replay gives the same value.
   */
  public <T> T output(String taskId, Class<T> type) {
    TaskState t = state(taskId);
    if (t == null || t.output() == null) return null;
    return type.isInstance(t.output()) ? type.cast(t.output()) : JSON.convertValue(t.output(), type);
  }

  public int previousTries(String taskId) {
    return previousTries.getOrDefault(taskId, 0);
  }
}
