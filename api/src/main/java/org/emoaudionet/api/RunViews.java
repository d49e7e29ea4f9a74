package org.emoaudionet.api;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.emoaudionet.api.AirflowModels.DagRun;
import org.emoaudionet.api.AirflowModels.TaskInstance;
import org.emoaudionet.workflows.dag.DagCatalog;
import org.emoaudionet.workflows.dag.DagDefinition;
import org.emoaudionet.workflows.pipeline.TaskState;

/** Temporal executions and the workflow's task states as Airflow DAG runs and task instances. */
@ApplicationScoped
public class RunViews {
  static final Set<String> TASK_STATES = Set.of("removed", "scheduled", "queued", "running",
      "success", "restarting", "failed", "up_for_retry", "up_for_reschedule", "upstream_failed",
      "skipped", "deferred", "awaiting_input");
  /** Task states that mean the run has left "queued": a worker picked something up. */
  private static final Set<String> STARTED = Set.of("running", "success", "failed", "restarting",
      "up_for_retry", "up_for_reschedule", "upstream_failed", "skipped", "deferred");

  @Inject DagCatalog catalog;
  @Inject RunRepository runs;
  @Inject RunAnnotations annotations;
  @Inject DagViews dags;
  @Inject ObjectMapper json;

  /** A run's state plus the task list the decision was based on (empty if no worker answered). */
  public record Snapshot(RunRecord run, String state, Optional<List<TaskState>> tasks) {}

  public Snapshot snapshot(RunRecord run) {
    if (!run.open()) {
      String state = run.status() == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED
          ? "success"
          : run.status() == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_CONTINUED_AS_NEW
              ? "running" : "failed";
      return new Snapshot(run, state, Optional.empty());
    }
    Optional<List<TaskState>> tasks = runs.tasks(run);
    boolean started = tasks.map(l -> l.stream().anyMatch(t -> t.state() != null
        && STARTED.contains(t.state()))).orElse(false);
    return new Snapshot(run, started ? "running" : "queued", tasks);
  }

  public DagRun dagRun(RunRecord run) {
    return dagRun(snapshot(run));
  }

  public DagRun dagRun(Snapshot s) {
    RunRecord r = s.run();
    Map<String, String> m = r.memo();
    DagDefinition def = catalog.get(r.dagId()).orElse(null);
    Instant start = s.state().equals("queued") ? null : micros(r.started());
    Instant end = r.closed() == null ? null : micros(r.closed());
    Double duration = start != null && end != null
        ? Duration.between(start, end).toNanos() / 1e9 : null;
    Instant queuedAt = time(m.get("queued_at"));
    Instant runAfter = Optional.ofNullable(time(m.get("run_after")))
        .orElse(queuedAt != null ? queuedAt : micros(r.started()));
    String note = annotations.hasNote(r.workflowId()) ? annotations.note(r.workflowId()) : m.get("note");
    return DagRun.builder()
        .dagId(r.dagId())
        .dagDisplayName(r.dagId())
        .dagRunId(r.dagRunId())
        .conf(conf(m.get("conf")))
        .dagVersions(def == null ? List.of() : List.of(dags.version(def)))
        .logicalDate(time(m.get("logical_date")))
        .dataIntervalStart(time(m.get("data_interval_start")))
        .dataIntervalEnd(time(m.get("data_interval_end")))
        .queuedAt(queuedAt)
        .runAfter(runAfter)
        .startDate(start)
        .endDate(end)
        .duration(duration)
        .note(note)
        .partitionKey(m.get("partition_key"))
        .runType(m.getOrDefault("run_type", "manual"))
        .state(s.state())
        .triggeredBy(m.getOrDefault("triggered_by", "rest_api"))
        .triggeringUserName(m.get("triggering_user_name"))
        .build();
  }

  public List<TaskInstance> taskInstances(Snapshot s) {
    Optional<List<TaskState>> tasks = s.tasks().isPresent() ? s.tasks() : runs.tasks(s.run());
    DagRun run = dagRun(s);
    List<TaskInstance> out = new ArrayList<>();
    Map<String, TaskState> byId = new LinkedHashMap<>();
    tasks.ifPresent(l -> l.forEach(t -> byId.put(t.taskId(), t)));
    for (String id : DagDefinition.TASK_IDS) {
      TaskState t = byId.get(id);
      out.add(taskInstance(s.run(), run, id, t));
    }
    return out;
  }

  /** The log of a task, or why it cannot be read. */
  public String log(Snapshot s, String taskId) {
    Optional<List<TaskState>> tasks = s.tasks().isPresent() ? s.tasks() : runs.tasks(s.run());
    if (tasks.isEmpty()) {
      return "Task log unavailable: no worker answered the tasks() query of workflow "
          + s.run().workflowId() + " within the query timeout.";
    }
    return tasks.get().stream().filter(t -> t.taskId().equals(taskId)).findFirst()
        .map(t -> t.log() == null ? "" : t.log()).orElse("");
  }

  private TaskInstance taskInstance(RunRecord r, DagRun run, String taskId, TaskState t) {
    String state = t == null || t.state() == null || !TASK_STATES.contains(t.state()) ? null : t.state();
    Instant start = t == null ? null : millis(t.startMillis());
    Instant end = t == null ? null : millis(t.endMillis());
    Double duration = start != null && end != null ? (end.toEpochMilli() - start.toEpochMilli()) / 1000.0 : null;
    int tryNumber = t == null ? 0 : t.tryNumber();
    UUID id = UUID.nameUUIDFromBytes((r.runId() + "/" + taskId).getBytes(StandardCharsets.UTF_8));
    DagDefinition def = catalog.get(r.dagId()).orElse(null);
    return TaskInstance.builder()
        .id(id)
        .dagId(r.dagId())
        .dagDisplayName(r.dagId())
        .dagRunId(r.dagRunId())
        .dagVersion(def == null ? null : dags.version(def))
        .taskId(taskId)
        .taskDisplayName(taskId)
        .logicalDate(run.logicalDate())
        .runAfter(run.runAfter())
        .queuedWhen(run.queuedAt())
        .scheduledWhen(run.queuedAt())
        .startDate(start)
        .endDate(end)
        .duration(duration)
        .state(state)
        .tryNumber(tryNumber)
        .maxTries(tryNumber)
        .executor("temporal")
        .operator(DagViews.operator())
        .operatorName(DagViews.operator())
        .priorityWeight(DagViews.priorityWeight(taskId))
        .queue(DagViews.queue(taskId))
        .build();
  }

  private Map<String, Object> conf(String text) {
    if (text == null || text.isBlank()) return Map.of();
    try {
      return json.readValue(text, new TypeReference<LinkedHashMap<String, Object>>() {});
    } catch (java.io.IOException e) {
      return Map.of("_unreadable_conf", text);
    }
  }

  static Instant time(String iso) {
    if (iso == null || iso.isBlank()) return null;
    return micros(OffsetDateTime.parse(iso).toInstant());
  }

  private static Instant millis(long epochMillis) {
    return epochMillis <= 0 ? null : Instant.ofEpochMilli(epochMillis);
  }

  static Instant micros(Instant t) {
    return t == null ? null : t.truncatedTo(ChronoUnit.MICROS);
  }
}
