package org.emoaudionet.workflows.pipeline;

import org.emoaudionet.workflows.dag.DagCatalog;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.util.List;
import java.util.Map;
import org.emoaudionet.spec.TaskQueues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A task-level clear: the new execution runs the cleared tasks only, on the kept results. */
class ReuseAfterClearWorkflowTest {
  TestWorkflowEnvironment env;
  RecordingActivities acts;

  @BeforeEach
  void setUp() {
    env = TestWorkflowEnvironment.newInstance();
    acts = new RecordingActivities();
    Worker cpu = env.newWorker(TaskQueues.CPU);
    cpu.registerWorkflowImplementationTypes(EmoPipelineWorkflowImpl.class);
    cpu.registerActivitiesImplementations(acts);
    env.newWorker(TaskQueues.GPU).registerActivitiesImplementations(acts);
    env.start();
  }

  @AfterEach
  void tearDown() {
    env.close();
  }

  private EmoPipelineWorkflow stub() {
    return env.getWorkflowClient().newWorkflowStub(EmoPipelineWorkflow.class,
        WorkflowOptions.newBuilder().setTaskQueue(TaskQueues.CPU)
            .setWorkflowId(PipelineRequest.workflowId("recola_arousal", "c1")).build());
  }

  private static TaskState task(List<TaskState> ts, String id) {
    return ts.stream().filter(t -> t.taskId().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void aClearedFailedTaskRunsAgainWithTheUpstreamResultsOfTheFailedExecution() {
    PipelineRequest request = PipelineRequest.of(DagCatalog.bundled().get("recola_arousal").orElseThrow(),
        "c1", EmoPipelineWorkflowTest.conf(true, null));
    acts.failTask = "evaluate";
    EmoPipelineWorkflow first = stub();
    assertThrows(WorkflowFailedException.class, () -> first.run(request));
    String firstRunId = WorkflowStub.fromTyped(first).getExecution().getRunId();
    // read back as the API reads it: through a query, outputs as JSON trees
    List<TaskState> before = List.of(env.getWorkflowClient().newUntypedWorkflowStub(
        PipelineRequest.workflowId("recola_arousal", "c1")).query("tasks", TaskState[].class));
    assertEquals("failed", task(before, "evaluate").state());
    assertTrue(task(before, "train").output() instanceof Map<?, ?> m
        && "runs/d/r/model.tar.gz".equals(m.get("modelKey")), String.valueOf(task(before, "train").output()));

    List<TaskState> kept = before.stream().filter(t -> "success".equals(t.state())).toList();
    assertEquals(List.of("download", "preprocess", "augment", "train"),
        kept.stream().map(TaskState::taskId).toList());
    acts.failTask = null;
    acts.calls.clear();
    EmoPipelineWorkflow second = stub();
    PipelineResult r = second.run(request.reusing(new ReusedResults(firstRunId, kept,
        Map.of("evaluate", task(before, "evaluate").tryNumber()))));

    assertEquals(List.of("startRun", "evaluate", "register", "promote", "endRun:FINISHED"),
        acts.calls, "only the failed task and its downstream ran");
    assertEquals("3", r.modelVersion());
    // downstream tasks got the kept outputs: the augmented features and the trained model
    assertEquals("cache/augment/a.emof", acts.lastPromote.features().key());
    assertEquals("runs/d/r/model.tar.gz", acts.lastPromote.candidateModelKey());
    List<TaskState> after = second.tasks();
    for (TaskState t : after) assertEquals("success", t.state(), t.taskId());
    assertEquals(task(before, "train").startMillis(), task(after, "train").startMillis(),
        "a kept task keeps its times");
    assertTrue(task(after, "train").log().contains("kept from execution " + firstRunId));
    assertEquals(2, task(after, "evaluate").tryNumber(), "the cleared task's tries go on");
    assertNotNull(task(after, "evaluate").output());
  }
}
