package org.emoaudionet.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.emoaudionet.api.AirflowModels.TaskInstance;
import org.emoaudionet.api.AirflowModels.TaskInstanceCollection;
import org.emoaudionet.workflows.dag.DagDefinition;
import org.emoaudionet.workflows.pipeline.ReusedResults;
import org.emoaudionet.workflows.pipeline.TaskState;

/**
 * Airflow's task-level clear ({@code POST /dags/{dag_id}/clearTaskInstances}) on workflows: the
 * run is started again (a new Temporal execution under the same workflow id) with the results of
 * the tasks that were not cleared, which it keeps instead of running them. The tasks form a
 * chain, each reading its predecessor's output, so a cleared task's downstream tasks run again
 * too: the answer lists every task instance that will run again, not only the selected ones.
 */
@ApplicationScoped
public class TaskClearService {
  private static final Set<String> FAILED = Set.of("failed", "upstream_failed");

  @Inject DagViews dags;
  @Inject DagRunLookup lookup;
  @Inject RunRepository runs;
  @Inject RunViews views;
  @Inject DagRunService service;
  @Inject RunAnnotations annotations;

  /** What clearing one run means: the tasks that run again and the results that are kept. */
  private record Plan(RunRecord run, List<TaskInstance> rerun, ReusedResults reuse) {}

  TaskInstanceCollection clear(String dagId, ClearTasksRequest req, String user) {
    DagDefinition dag = dags.require(dagId);
    List<RunRecord> scope = scope(dagId, req);
    if (req.taskIds() != null) {
      for (String t : req.taskIds()) {
        if (!DagDefinition.TASK_IDS.contains(t) && !t.endsWith("]")) {
          throw ApiException.notFound("Task " + t + " not found in Dag " + dagId);
        }
      }
    }
    List<Plan> plans = new ArrayList<>();
    for (RunRecord run : scope) {
      Plan p = plan(run, req);
      if (!p.rerun().isEmpty()) plans.add(p);
    }
    List<TaskInstance> out = new ArrayList<>();
    plans.forEach(p -> out.addAll(p.rerun()));
    if (req.preventRunningTask()) {
      for (TaskInstance t : out) {
        if ("running".equals(t.state())) {
          throw ApiException.badRequest("Task instance " + t.taskId() + " of run `"
              + t.dagRunId() + "` is running and prevent_running_task is set");
        }
      }
    }
    if (req.dryRun()) return new TaskInstanceCollection(out, out.size());
    if (!req.resetDagRuns()) {
      throw ApiException.invalid("value_error", List.of("body", "reset_dag_runs"),
          "Value error, reset_dag_runs=false is not supported: a cleared task runs again only"
              + " in a new execution of its DAG run", false);
    }
    for (Plan p : plans) {
      if (p.run().open()) {
        throw ApiException.conflict("Dag run `" + p.run().dagRunId() + "` of Dag `" + dagId
            + "` is still running; set its state to failed first");
      }
    }
    for (Plan p : plans) {
      service.restart(dag, p.run(), user, p.reuse());
      if (req.note() != null) annotations.setNote(p.run().workflowId(), req.note());
    }
    return new TaskInstanceCollection(out, out.size());
  }

  /** The run named, or (no dag_run_id) the DAG's runs whose logical date is in range. */
  private List<RunRecord> scope(String dagId, ClearTasksRequest req) {
    if (req.dagRunId() != null) {
      Optional<RunRecord> run = RunIds.addressable(dagId, req.dagRunId())
          ? runs.find(dagId, req.dagRunId()) : Optional.empty();
      if (run.isEmpty()) {
        throw ApiException.notFound("Dag Run id " + req.dagRunId() + " not found in dag " + dagId);
      }
      if (req.includePast() || req.includeFuture()) {
        throw ApiException.badRequest("Cannot use include_past or include_future when dag_run_id"
            + " is provided because logical_date is not applicable.");
      }
      return List.of(run.get());
    }
    Instant from = req.includePast() ? null : req.startDate();
    Instant to = req.includeFuture() ? null : req.endDate();
    return runs.list().stream().filter(r -> dagId.equals(r.dagId())).filter(r -> {
      if (from == null && to == null) return true;
      Instant logical = RunViews.time(r.memo().get("logical_date"));
      return logical != null && (from == null || !logical.isBefore(from))
          && (to == null || !logical.isAfter(to));
    }).toList();
  }

  private Plan plan(RunRecord run, ClearTasksRequest req) {
    List<TaskInstance> tis = views.taskInstances(views.snapshot(run));
    List<String> order = DagDefinition.TASK_IDS;
    Set<String> chosen = new LinkedHashSet<>();
    if (req.taskIds() == null) {
      chosen.addAll(order);
    } else {
      for (String t : req.taskIds()) {
        int i = order.indexOf(t);
        if (i < 0) continue; // a mapped index: no such task instance here
        chosen.add(t);
        if (req.includeUpstream()) chosen.addAll(order.subList(0, i));
        if (req.includeDownstream()) chosen.addAll(order.subList(i + 1, order.size()));
      }
    }
    int first = -1;
    for (int i = 0; i < tis.size() && first < 0; i++) {
      TaskInstance t = tis.get(i);
      boolean selected = chosen.contains(t.taskId())
          && (!req.onlyFailed() || FAILED.contains(String.valueOf(t.state())))
          && (!req.onlyRunning() || "running".equals(t.state()));
      if (selected) first = i;
    }
    if (first < 0) return new Plan(run, List.of(), null);

    // No worker answered the tasks() query: no result can be read, so nothing is kept and the
    // whole run runs again (as the run-level clear does), rather than failing the request.
    Map<String, TaskState> states = new LinkedHashMap<>();
    runs.tasks(run).ifPresent(board -> board.forEach(t -> states.put(t.taskId(), t)));
    // A cross-validation run, and a task before the first one cleared that cannot be kept (no
    // result: it failed, or ran before results were recorded), start the rerun earlier.
    boolean folds = views.dagRun(run).conf().get("folds") instanceof Number n && n.intValue() >= 2;
    int start = folds ? 0 : first;
    for (int i = 0; i < first && !folds; i++) {
      TaskState s = states.get(order.get(i));
      boolean keepable = s != null && ("skipped".equals(s.state())
          || ("success".equals(s.state()) && s.output() != null));
      if (!keepable) {
        start = i;
        break;
      }
    }
    List<TaskState> kept = new ArrayList<>();
    Map<String, Integer> tries = new LinkedHashMap<>();
    for (int i = 0; i < order.size(); i++) {
      TaskState s = states.get(order.get(i));
      if (i < start) {
        if (s != null && "success".equals(s.state())) kept.add(s);
      } else if (s != null) {
        tries.put(s.taskId(), s.tryNumber());
      }
    }
    return new Plan(run, tis.subList(start, tis.size()),
        new ReusedResults(run.runId(), kept, tries));
  }
}
