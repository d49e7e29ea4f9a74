package org.emoaudionet.workflows.pipeline;

import io.temporal.activity.ActivityOptions;
import io.temporal.api.enums.v1.RetryState;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.failure.TimeoutFailure;
import io.temporal.workflow.Workflow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.emoaudionet.workflows.activity.ActivityPlans;
import org.emoaudionet.workflows.activity.TaskOutput;

/**
 * The task instances of one DAG run, kept by the workflow (so replay rebuilds them) and read by
 * the {@code tasks()} query. Time comes from {@link Workflow#currentTimeMillis()} only.
 */
final class TaskBoard {
  /** Thrown by {@link #run} after the task and everything downstream of it are marked. */
  static final class TaskFailed extends RuntimeException {
    final String taskId;

    TaskFailed(String taskId, String message, Throwable cause) {
      super(message, cause);
      this.taskId = taskId;
    }
  }

  private static final class Entry {
    String state;
    long start;
    long end;
    int tryNumber;
    /** Tries of earlier executions of this run (a task-level clear): this run's count on top. */
    int triesBefore;
    String log = "";
    Object output;
  }

  private final Map<String, Entry> entries = new LinkedHashMap<>();

  TaskBoard(List<String> taskIds) {
    for (String id : taskIds) entries.put(id, new Entry());
  }

  /**
   * A task-level clear: kept tasks show what the earlier execution left (as an Airflow task
   * instance that was not cleared keeps its state), cleared ones continue its try count.
   */
  void restore(ReusedResults reuse) {
    if (reuse == null) return;
    entries.forEach((id, e) -> {
      TaskState kept = reuse.state(id);
      if (kept != null) {
        e.state = kept.state();
        e.start = kept.startMillis();
        e.end = kept.endMillis();
        e.tryNumber = kept.tryNumber();
        e.log = (kept.log() == null ? "" : kept.log()) + "\n(kept from execution "
            + reuse.previousRunId() + ": not cleared, so not run again)\n";
        e.output = kept.output();
      } else {
        e.triesBefore = reuse.previousTries(id);
      }
    });
  }

  /** Whether {@link #restore} kept this task's earlier result. */
  boolean kept(String taskId) {
    Entry e = entries.get(taskId);
    return e.output != null && "success".equals(e.state);
  }

  /** Runs a task's activity; {@code plan} is the options its stub was made with (for its queue). */
  <T extends TaskOutput> T run(String taskId, ActivityOptions plan, Supplier<T> call) {
    String queue = plan.getTaskQueue();
    Entry e = entries.get(taskId);
    e.state = "running";
    e.start = Workflow.currentTimeMillis();
    e.tryNumber = e.triesBefore + 1;
    e.log = "started on task queue " + queue + "\n";
    try {
      T out = call.get();
      e.state = "success";
      e.end = Workflow.currentTimeMillis();
      e.tryNumber = e.triesBefore + Math.max(1, out.attempt());
      e.log += out.log();
      e.output = out;
      return out;
    } catch (ActivityFailure f) {
      String why = describe(taskId, f, e);
      e.state = "failed";
      e.end = Workflow.currentTimeMillis();
      e.log += "FAILED: " + why;
      markDownstream(taskId, "upstream_failed", "upstream task " + taskId + " failed");
      throw new TaskFailed(taskId, why, f);
    } catch (CanceledFailure c) {
      e.state = "failed";
      e.end = Workflow.currentTimeMillis();
      e.log += "cancelled: the DAG run was stopped";
      markDownstream(taskId, "upstream_failed", "the DAG run was stopped during " + taskId);
      throw c;
    }
  }

  /**
   * A task that is the workflow's own work rather than one activity (the child workflows of a
   * cross-validation): running from now until {@link #succeed} or {@link #fail}.
   */
  void start(String taskId, String firstLine) {
    Entry e = entries.get(taskId);
    e.state = "running";
    e.start = Workflow.currentTimeMillis();
    e.tryNumber = e.triesBefore + 1;
    e.log = firstLine.endsWith("\n") ? firstLine : firstLine + "\n";
  }

  /** Adds a line to a task's log (visible to the {@code tasks()} query at once). */
  void say(String taskId, String line) {
    Entry e = entries.get(taskId);
    e.log += line.endsWith("\n") ? line : line + "\n";
  }

  void succeed(String taskId) {
    Entry e = entries.get(taskId);
    e.state = "success";
    e.end = Workflow.currentTimeMillis();
  }

  /**
   * The same for a task whose steps end in one result (a sharded preprocess's joined index),
   * kept like an activity's output, so that a task-level clear can reuse it.
   */
  void succeed(String taskId, TaskOutput out) {
    succeed(taskId);
    entries.get(taskId).output = out;
  }

  /** Marks the task failed and everything downstream upstream_failed; the caller throws it. */
  TaskFailed fail(String taskId, String why, Throwable cause) {
    Entry e = entries.get(taskId);
    e.state = "failed";
    e.end = Workflow.currentTimeMillis();
    e.log += "FAILED: " + why;
    markDownstream(taskId, "upstream_failed", "upstream task " + taskId + " failed");
    return new TaskFailed(taskId, why, cause);
  }

  /** The run was stopped while the task ran. */
  void cancelled(String taskId) {
    Entry e = entries.get(taskId);
    e.state = "failed";
    e.end = Workflow.currentTimeMillis();
    e.log += "cancelled: the DAG run was stopped";
    markDownstream(taskId, "upstream_failed", "the DAG run was stopped during " + taskId);
  }

  void skip(String taskId, String why) {
    Entry e = entries.get(taskId);
    long now = Workflow.currentTimeMillis();
    e.state = "skipped";
    e.start = now;
    e.end = now;
    e.log = why;
  }

  /** Every task that has not started gets {@code state} (a run that could not begin at all). */
  void markNotStarted(String state, String why) {
    for (Entry e : entries.values()) {
      if (e.state == null) {
        e.state = state;
        e.log = why;
      }
    }
  }

  private void markDownstream(String taskId, String state, String why) {
    boolean after = false;
    for (Map.Entry<String, Entry> me : entries.entrySet()) {
      if (after && me.getValue().state == null) {
        me.getValue().state = state;
        me.getValue().log = why;
      }
      if (me.getKey().equals(taskId)) after = true;
    }
  }

  /** The failure as a person needs it: the activity's own message, and how often it was tried. */
  private static String describe(String taskId, ActivityFailure f, Entry e) {
    Throwable cause = f.getCause();
    String message;
    if (cause instanceof ApplicationFailure af) {
      message = af.getType() + ": " + af.getOriginalMessage();
      if (af.isNonRetryable() || isNonRetryableType(af.getType())) {
        if (af.getDetails() != null && af.getDetails().getSize() > 0) {
          try {
            Integer attempt = af.getDetails().get(0, Integer.class, Integer.class);
            if (attempt != null) e.tryNumber = e.triesBefore + attempt;
          } catch (RuntimeException ignored) {
            // details of another shape: keep the try number as is
          }
        }
        message += " (not retried: bad input)";
      }
    } else if (cause instanceof TimeoutFailure tf) {
      message = "timed out (" + tf.getTimeoutType() + ")";
    } else if (cause != null) {
      message = cause.getClass().getSimpleName() + ": " + cause.getMessage();
    } else {
      message = f.getMessage();
    }
    if (f.getRetryState() == RetryState.RETRY_STATE_MAXIMUM_ATTEMPTS_REACHED) {
      int attempts = ActivityPlans.maxAttempts(taskId);
      e.tryNumber = e.triesBefore + attempts;
      message += " (after " + attempts + " attempts)";
    }
    return message;
  }

  private static boolean isNonRetryableType(String type) {
    for (String t : ActivityPlans.NON_RETRYABLE) if (t.equals(type)) return true;
    return false;
  }

  List<TaskState> snapshot() {
    List<TaskState> out = new ArrayList<>();
    entries.forEach((id, e) ->
        out.add(new TaskState(id, e.state, e.start, e.end, e.tryNumber, e.log, e.output)));
    return List.copyOf(out);
  }
}
