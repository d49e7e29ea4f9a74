package org.emoaudionet.api;

import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.emoaudionet.api.AirflowModels.DagRun;
import org.emoaudionet.workflows.conf.ConfValidator;
import org.emoaudionet.workflows.dag.DagCatalog;
import org.emoaudionet.workflows.dag.DagDefinition;
import org.emoaudionet.workflows.pipeline.PipelineRequest;
import org.emoaudionet.workflows.pipeline.ReusedResults;
import org.emoaudionet.workflows.pipeline.RunMemo;

/** Starting DAG runs: trigger (a new dag_run_id) and clear (the same one, once it closed). */
@ApplicationScoped
public class DagRunService {
  private static final DateTimeFormatter AIRFLOW_ISO =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSxxx").withZone(ZoneOffset.UTC);

  @Inject DagViews dags;
  @Inject DagCatalog catalog;
  @Inject RunRepository runs;
  @Inject RunViews views;

  /** A new run of DAG {@code dagId} (404 if there is none), as the trigger body describes it. */
  public DagRun trigger(String dagId, TriggerRequest t, String user) {
    DagDefinition dag = dags.require(dagId);
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    Instant runAfter = t.runAfter() != null ? t.runAfter()
        : t.logicalDate() != null ? t.logicalDate() : now;
    String runId = t.dagRunId() != null ? t.dagRunId()
        : "manual__" + AIRFLOW_ISO.format(t.logicalDate() != null ? t.logicalDate() : runAfter);
    if (runs.find(dag.dagId(), runId).isPresent()) throw duplicate(dag.dagId(), runId);
    if (t.logicalDate() != null) {
      String iso = t.logicalDate().toString();
      boolean taken = runs.list().stream().anyMatch(r -> dag.dagId().equals(r.dagId())
          && r.memo().get("logical_date") != null
          && RunViews.time(r.memo().get("logical_date")).equals(RunViews.micros(t.logicalDate())));
      if (taken) {
        throw ApiException.conflict("A Dag Run already exists for Dag " + dag.dagId()
            + " with logical_date " + iso);
      }
    }
    ConfValidator.Result v = validate(dag, t.conf());
    Map<String, String> memo = new LinkedHashMap<>(RunMemo.of(dag.dagId(), runId, RunMemo.MANUAL,
        "rest_api", v.conf(), now, runAfter, t.logicalDate()));
    if (user != null) memo.put("triggering_user_name", user);
    if (t.dataIntervalStart() != null) memo.put("data_interval_start", t.dataIntervalStart().toString());
    if (t.dataIntervalEnd() != null) memo.put("data_interval_end", t.dataIntervalEnd().toString());
    if (t.note() != null) memo.put("note", t.note());
    if (t.partitionKey() != null) memo.put("partition_key", t.partitionKey());
    return start(PipelineRequest.of(dag, runId, v.conf()), memo);
  }

  /** Runs a closed DAG run again under the same dag_run_id (Temporal: same workflow id). */
  public DagRun restart(DagDefinition dag, RunRecord previous, String user) {
    return restart(dag, previous, user, null);
  }

  /**
   * As {@link #restart(DagDefinition, RunRecord, String)}; with {@code reuse} (a task-level
   * clear) the new execution runs only the tasks {@code reuse} does not keep.
   */
  public DagRun restart(DagDefinition dag, RunRecord previous, String user, ReusedResults reuse) {
    if (previous.open()) {
      throw ApiException.conflict("Dag run `" + previous.dagRunId() + "` of Dag `" + dag.dagId()
          + "` is still running; set its state to failed first");
    }
    // the stored conf read back the way a trigger reads one: the same checks, the same RunConf
    Map<String, Object> conf = views.dagRun(previous).conf();
    ConfValidator.Result v = validate(dag, conf);
    Map<String, String> memo = new LinkedHashMap<>(previous.memo());
    memo.put("conf", RunMemo.toJson(v.conf().toConf()));
    memo.put("queued_at", Instant.now().truncatedTo(ChronoUnit.MICROS).toString());
    memo.put("cleared_run_id", previous.runId());
    if (user != null) memo.put("triggering_user_name", user);
    PipelineRequest request = PipelineRequest.of(dag, previous.dagRunId(), v.conf());
    return start(reuse == null ? request : request.reusing(reuse), memo);
  }

  private DagRun start(PipelineRequest request, Map<String, String> memo) {
    Optional<WorkflowExecution> exec = runs.start(request, new LinkedHashMap<String, Object>(memo));
    if (exec.isEmpty()) throw duplicate(request.dagId(), request.dagRunId());
    RunRecord started = new RunRecord(exec.get().getWorkflowId(), exec.get().getRunId(),
        Map.copyOf(memo), Instant.now(), null,
        WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING);
    return views.dagRun(new RunViews.Snapshot(started, "queued", Optional.empty()));
  }

  private ConfValidator.Result validate(DagDefinition dag, Map<String, Object> conf) {
    ConfValidator.Result v = ConfValidator.validate(conf, dag, this::pretrainedProblem);
    if (v.ok()) return v;
    List<Map<String, Object>> items = new ArrayList<>();
    for (ConfValidator.FieldError e : v.errors()) {
      List<Object> loc = new ArrayList<>(List.of("body", "conf"));
      loc.addAll(List.of((Object[]) e.field().split("\\.")));
      items.add(ApiException.item(e.type(), loc, e.message(), e.input()));
    }
    throw ApiException.invalid(items);
  }

  /** A run can seed another once it finished successfully: only then is its model stored. */
  private String pretrainedProblem(String dagId, String dagRunId) {
    if (catalog.get(dagId).isEmpty()) return "names unknown dag_id '" + dagId + "'";
    Optional<RunRecord> r = RunIds.addressable(dagId, dagRunId) ? runs.find(dagId, dagRunId)
        : Optional.empty();
    if (r.isEmpty()) return "no run `" + dagRunId + "` of Dag `" + dagId + "`";
    if (r.get().status() != WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED) {
      return "run `" + dagRunId + "` of Dag `" + dagId + "` has not succeeded (state "
          + views.snapshot(r.get()).state() + "), so it has no model";
    }
    return null;
  }

  static ApiException duplicate(String dagId, String runId) {
    return ApiException.conflict("A Dag Run already exists for Dag " + dagId + " with run id "
        + runId);
  }
}
