package org.emoaudionet.api;

import java.time.Instant;
import org.emoaudionet.api.AirflowModels.TaskInstance;
import org.emoaudionet.api.AirflowModels.TaskInstanceHistory;

/**
 * Builds Airflow's TaskInstanceHistoryResponse ({@link TaskInstanceHistory}, 26 fields) as one
 * try of a task instance: what a try shares with its task instance (DAG, run, task, pool,
 * operator, executor...) is copied from it by name, so a caller sets only what differs between
 * tries: the try number, its state and its times. Unset, they are the instance's own: the
 * latest try.
 */
public final class TaskInstanceHistoryBuilder {
  private final TaskInstance ti;
  private int tryNumber;
  private String state;
  private Instant startDate;
  private Instant endDate;
  private Double duration;

  TaskInstanceHistoryBuilder(TaskInstance ti) {
    this.ti = ti;
    this.tryNumber = ti.tryNumber();
    this.state = ti.state();
    this.startDate = ti.startDate();
    this.endDate = ti.endDate();
    this.duration = ti.duration();
  }

  public TaskInstanceHistoryBuilder tryNumber(int v) { tryNumber = v; return this; }
  public TaskInstanceHistoryBuilder state(String v) { state = v; return this; }
  public TaskInstanceHistoryBuilder startDate(Instant v) { startDate = v; return this; }
  public TaskInstanceHistoryBuilder endDate(Instant v) { endDate = v; return this; }
  public TaskInstanceHistoryBuilder duration(Double v) { duration = v; return this; }

  public TaskInstanceHistory build() {
    return new TaskInstanceHistory(ti.dagDisplayName(), ti.dagId(), ti.dagRunId(),
        ti.dagVersion(), duration, endDate, ti.executor(), ti.executorConfig(), ti.hostname(),
        ti.mapIndex(), ti.maxTries(), ti.operator(), ti.operatorName(), ti.pid(), ti.pool(),
        ti.poolSlots(), ti.priorityWeight(), ti.queue(), ti.queuedWhen(), ti.scheduledWhen(),
        startDate, state, ti.taskDisplayName(), ti.taskId(), tryNumber, ti.unixname());
  }
}
