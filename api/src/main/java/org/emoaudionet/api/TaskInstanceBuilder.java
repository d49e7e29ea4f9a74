package org.emoaudionet.api;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.emoaudionet.api.AirflowModels.DagVersion;
import org.emoaudionet.api.AirflowModels.TaskInstance;

/**
 * Builds Airflow's TaskInstanceResponse ({@link TaskInstance}, 34 fields) by name. Every task
 * here is unmapped (map index -1), takes one slot of the default pool, has no executor config
 * ({@code "{}"}, as Airflow serializes an empty one) and no rendered template fields: those are
 * the defaults; other fields left unset are null, or 0 for the counters.
 */
public final class TaskInstanceBuilder {
  private String dagDisplayName;
  private String dagId;
  private String dagRunId;
  private DagVersion dagVersion;
  private Double duration;
  private Instant endDate;
  private String executor;
  private String executorConfig = "{}";
  private String hostname;
  private UUID id;
  private Instant logicalDate;
  private int mapIndex = -1;
  private int maxTries;
  private String note;
  private String operator;
  private String operatorName;
  private Integer pid;
  private String pool = "default_pool";
  private int poolSlots = 1;
  private int priorityWeight;
  private String queue;
  private Instant queuedWhen;
  private Map<String, Object> renderedFields = Map.of();
  private String renderedMapIndex;
  private Instant runAfter;
  private Instant scheduledWhen;
  private Instant startDate;
  private String state;
  private String taskDisplayName;
  private String taskId;
  private Object trigger;
  private Object triggererJob;
  private int tryNumber;
  private String unixname;

  TaskInstanceBuilder() {}

  public TaskInstanceBuilder dagDisplayName(String v) { dagDisplayName = v; return this; }
  public TaskInstanceBuilder dagId(String v) { dagId = v; return this; }
  public TaskInstanceBuilder dagRunId(String v) { dagRunId = v; return this; }
  public TaskInstanceBuilder dagVersion(DagVersion v) { dagVersion = v; return this; }
  public TaskInstanceBuilder duration(Double v) { duration = v; return this; }
  public TaskInstanceBuilder endDate(Instant v) { endDate = v; return this; }
  public TaskInstanceBuilder executor(String v) { executor = v; return this; }
  public TaskInstanceBuilder executorConfig(String v) { executorConfig = v; return this; }
  public TaskInstanceBuilder hostname(String v) { hostname = v; return this; }
  public TaskInstanceBuilder id(UUID v) { id = v; return this; }
  public TaskInstanceBuilder logicalDate(Instant v) { logicalDate = v; return this; }
  public TaskInstanceBuilder mapIndex(int v) { mapIndex = v; return this; }
  public TaskInstanceBuilder maxTries(int v) { maxTries = v; return this; }
  public TaskInstanceBuilder note(String v) { note = v; return this; }
  public TaskInstanceBuilder operator(String v) { operator = v; return this; }
  public TaskInstanceBuilder operatorName(String v) { operatorName = v; return this; }
  public TaskInstanceBuilder pid(Integer v) { pid = v; return this; }
  public TaskInstanceBuilder pool(String v) { pool = v; return this; }
  public TaskInstanceBuilder poolSlots(int v) { poolSlots = v; return this; }
  public TaskInstanceBuilder priorityWeight(int v) { priorityWeight = v; return this; }
  public TaskInstanceBuilder queue(String v) { queue = v; return this; }
  public TaskInstanceBuilder queuedWhen(Instant v) { queuedWhen = v; return this; }
  public TaskInstanceBuilder renderedFields(Map<String, Object> v) {
    renderedFields = v;
    return this;
  }
  public TaskInstanceBuilder renderedMapIndex(String v) { renderedMapIndex = v; return this; }
  public TaskInstanceBuilder runAfter(Instant v) { runAfter = v; return this; }
  public TaskInstanceBuilder scheduledWhen(Instant v) { scheduledWhen = v; return this; }
  public TaskInstanceBuilder startDate(Instant v) { startDate = v; return this; }
  public TaskInstanceBuilder state(String v) { state = v; return this; }
  public TaskInstanceBuilder taskDisplayName(String v) { taskDisplayName = v; return this; }
  public TaskInstanceBuilder taskId(String v) { taskId = v; return this; }
  public TaskInstanceBuilder trigger(Object v) { trigger = v; return this; }
  public TaskInstanceBuilder triggererJob(Object v) { triggererJob = v; return this; }
  public TaskInstanceBuilder tryNumber(int v) { tryNumber = v; return this; }
  public TaskInstanceBuilder unixname(String v) { unixname = v; return this; }

  public TaskInstance build() {
    return new TaskInstance(dagDisplayName, dagId, dagRunId, dagVersion, duration, endDate,
        executor, executorConfig, hostname, id, logicalDate, mapIndex, maxTries, note, operator,
        operatorName, pid, pool, poolSlots, priorityWeight, queue, queuedWhen, renderedFields,
        renderedMapIndex, runAfter, scheduledWhen, startDate, state, taskDisplayName, taskId,
        trigger, triggererJob, tryNumber, unixname);
  }
}
