package org.emoaudionet.api;

import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.emoaudionet.workflows.dag.DagDefinition;
import org.emoaudionet.workflows.pipeline.EmoPipelineWorkflow;
import org.emoaudionet.workflows.pipeline.PipelineRequest;
import org.emoaudionet.workflows.pipeline.PipelineResult;
import org.emoaudionet.workflows.pipeline.TaskState;

/**
 * TEST DOUBLE, not the pipeline: walks the DAG's tasks through Airflow's states on timers so the
 * API's own behaviour can be tested without the ML worker. Steered by {@code conf.extra}:
 * {@code hold_ms} (stay queued first), {@code step_ms} (time per task), {@code fail_at} (a task
 * that fails; the ones after it become upstream_failed).
 */
public class ScriptedPipelineForApiTest implements EmoPipelineWorkflow {
  private final List<TaskState> tasks = new ArrayList<>();

  @Override
  public PipelineResult run(PipelineRequest request) {
    Map<String, String> extra = request.conf().extra();
    long hold = Long.parseLong(extra.getOrDefault("hold_ms", "0"));
    long step = Long.parseLong(extra.getOrDefault("step_ms", "100"));
    String failAt = extra.get("fail_at");
    for (String id : DagDefinition.TASK_IDS) tasks.add(new TaskState(id, null, 0, 0, 0, ""));
    if (hold > 0) Workflow.sleep(Duration.ofMillis(hold));
    for (int i = 0; i < tasks.size(); i++) {
      String id = tasks.get(i).taskId();
      long start = Workflow.currentTimeMillis();
      set(i, "running", start, 0, "scripted " + id + " started for " + request.dagRunId() + "\n");
      try {
        Workflow.sleep(Duration.ofMillis(step));
      } catch (CanceledFailure e) {
        set(i, "failed", start, Workflow.currentTimeMillis(), "cancelled\n");
        throw e;
      }
      if (id.equals(failAt)) {
        set(i, "failed", start, Workflow.currentTimeMillis(), "scripted failure\n");
        for (int j = i + 1; j < tasks.size(); j++) {
          tasks.set(j, new TaskState(tasks.get(j).taskId(), "upstream_failed", 0, 0, 0, ""));
        }
        throw ApplicationFailure.newNonRetryableFailure("scripted failure at " + id, "ScriptedFailure");
      }
      set(i, "success", start, Workflow.currentTimeMillis(), "scripted " + id + " done\n");
    }
    return new PipelineResult(Map.of(), null, null, null, null, null, false, null);
  }

  private void set(int i, String state, long start, long end, String logLine) {
    TaskState t = tasks.get(i);
    tasks.set(i, new TaskState(t.taskId(), state, start, end, 1, t.log() + logLine));
  }

  @Override
  public List<TaskState> tasks() {
    return List.copyOf(tasks);
  }
}
