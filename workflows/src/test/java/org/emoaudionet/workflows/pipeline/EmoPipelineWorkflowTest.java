package org.emoaudionet.workflows.pipeline;

import org.emoaudionet.workflows.activity.ActivityPlans;
import org.emoaudionet.workflows.conf.RunConf;
import org.emoaudionet.workflows.dag.ChampionPolicy;
import org.emoaudionet.workflows.dag.DagCatalog;
import org.emoaudionet.workflows.dag.DagDefinition;
import static org.junit.jupiter.api.Assertions.*;

import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.util.List;
import java.util.Map;
import org.emoaudionet.spec.TaskQueues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The workflow's ordering, skipping, retries and failure handling, on Temporal's test server. */
class EmoPipelineWorkflowTest {
  TestWorkflowEnvironment env;
  RecordingActivities acts;

  @BeforeEach
  void setUp() {
    env = TestWorkflowEnvironment.newInstance();
    acts = new RecordingActivities();
    Worker cpu = env.newWorker(TaskQueues.CPU);
    cpu.registerWorkflowImplementationTypes(EmoPipelineWorkflowImpl.class);
    cpu.registerActivitiesImplementations(acts);
    Worker gpu = env.newWorker(TaskQueues.GPU);
    gpu.registerActivitiesImplementations(acts);
    env.start();
  }

  @AfterEach
  void tearDown() {
    env.close();
  }

  static RunConf conf(boolean augment, String pretrainedFrom) {
    return new RunConf("manifest", "/data/m", "label", "small", "speaker", 1, 1L, augment,
        pretrainedFrom, "emoaudionet", null, Map.of());
  }

  private EmoPipelineWorkflow stub(String dag, String run) {
    return env.getWorkflowClient().newWorkflowStub(EmoPipelineWorkflow.class,
        WorkflowOptions.newBuilder().setTaskQueue(TaskQueues.CPU)
            .setWorkflowId(PipelineRequest.workflowId(dag, run)).build());
  }

  private static TaskState task(List<TaskState> ts, String id) {
    return ts.stream().filter(t -> t.taskId().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void runsTheSevenTasksInOrderAndClosesTheMlflowRun() {
    EmoPipelineWorkflow wf = stub("recola_arousal", "r1");
    PipelineResult r = wf.run(PipelineRequest.of(DagCatalog.bundled().get("recola_arousal").orElseThrow(), "r1", conf(true, "p1")));
    assertEquals(List.of("startRun", "download", "preprocess", "augment", "train", "evaluate",
        "register", "promote", "endRun:FINISHED"), acts.calls);
    assertEquals("emoaudionet-recola_arousal", r.registeredModel());
    assertEquals("3", r.modelVersion());
    assertTrue(r.champion());
    assertEquals("promoted: version 3 beats version 2", r.championDecision());
    // promote compares on the test split evaluate used, with evaluate's figures and the DAG's policy
    assertEquals("cache/augment/a.emof", acts.lastPromote.features().key());
    assertEquals("runs/d/r/model.tar.gz", acts.lastPromote.candidateModelKey());
    assertEquals("emoaudionet-recola_arousal", acts.lastPromote.registeredModel());
    assertEquals("3", acts.lastPromote.candidateVersion());
    assertEquals(Map.of("test_accuracy", 0.5), acts.lastPromote.candidateMetrics());
    assertEquals(new ChampionPolicy("test_ccc", true), acts.lastPromote.policy());
    assertEquals("mlflow-run-r1", acts.lastPromote.mlflowRunId());
    assertEquals("mlflow-run-r1", r.mlflowRunId());
    assertEquals(0.5, r.metrics().get("test_accuracy"));
    // pretrained_from of the LibriSpeech DAG, resolved to its model
    assertEquals("runs/librispeech_gender_pretrain/p1/model.tar.gz",
        acts.lastTrain.pretrainedModelKey());
    assertEquals("cache/augment/a.emof", acts.lastTrain.features().key());
    assertEquals("s3://emo/runs/d/r/model.tar.gz", acts.ended.get(0).tags().get("emo.model_uri"));

    List<TaskState> ts = wf.tasks();
    assertEquals(DagDefinition.TASK_IDS, ts.stream().map(TaskState::taskId).toList());
    for (TaskState t : ts) {
      assertEquals("success", t.state(), t.taskId());
      assertTrue(t.startMillis() > 0 && t.endMillis() >= t.startMillis(), t.taskId());
      assertEquals(1, t.tryNumber());
    }
    assertTrue(task(ts, "preprocess").log().contains("cache hit: cache/preprocess/p.emof"));
  }

  @Test
  void augmentIsSkippedWhenDisabled() {
    EmoPipelineWorkflow wf = stub("recola_valence", "r2");
    wf.run(PipelineRequest.of(DagCatalog.bundled().get("recola_valence").orElseThrow(), "r2", conf(false, "recola_arousal/r1")));
    assertFalse(acts.calls.contains("augment"));
    assertEquals("cache/preprocess/p.emof", acts.lastTrain.features().key());
    assertEquals("runs/recola_arousal/r1/model.tar.gz", acts.lastTrain.pretrainedModelKey());
    assertEquals("skipped", task(wf.tasks(), "augment").state());
  }

  @Test
  void aFailedTaskMarksLaterTasksUpstreamFailedAndTheRunFailed() {
    acts.failTask = "preprocess";
    EmoPipelineWorkflow wf = stub("daic_woz_phq8_binary", "r3");
    WorkflowFailedException e = assertThrows(WorkflowFailedException.class,
        () -> wf.run(PipelineRequest.of(DagCatalog.bundled().get("daic_woz_phq8_binary").orElseThrow(), "r3", conf(true, null))));
    assertTrue(e.getCause() instanceof ApplicationFailure af
        && af.getOriginalMessage().contains("preprocess") && af.getOriginalMessage().contains("bad input"),
        String.valueOf(e.getCause()));
    assertEquals(List.of("startRun", "download", "preprocess", "endRun:FAILED"), acts.calls);
    assertEquals("preprocess", acts.ended.get(0).tags().get("emo.failed_task"));

    List<TaskState> ts = wf.tasks(); // the query works on a closed run too
    assertEquals("success", task(ts, "download").state());
    TaskState failed = task(ts, "preprocess");
    assertEquals("failed", failed.state());
    assertTrue(failed.log().contains("bad input for preprocess"), failed.log());
    for (String later : List.of("augment", "train", "evaluate", "register", "promote")) {
      assertEquals("upstream_failed", task(ts, later).state(), later);
    }
  }

  @Test
  void retriesAreCountedAndExhaustedRetriesFail() {
    acts.trainFailuresBeforeSuccess = 2;
    EmoPipelineWorkflow wf = stub("recola_arousal", "r4");
    wf.run(PipelineRequest.of(DagCatalog.bundled().get("recola_arousal").orElseThrow(), "r4", conf(true, null)));
    assertEquals(3, task(wf.tasks(), "train").tryNumber());

    acts.calls.clear();
    acts.trainFailuresBeforeSuccess = 0;
    acts.failTask = "evaluate";
    acts.failRetryable = true;
    EmoPipelineWorkflow wf2 = stub("recola_arousal", "r5");
    assertThrows(WorkflowFailedException.class,
        () -> wf2.run(PipelineRequest.of(DagCatalog.bundled().get("recola_arousal").orElseThrow(), "r5", conf(true, null))));
    TaskState ev = task(wf2.tasks(), "evaluate");
    assertEquals("failed", ev.state());
    assertEquals(ActivityPlans.EVALUATE.getRetryOptions().getMaximumAttempts(), ev.tryNumber());
    assertEquals("upstream_failed", task(wf2.tasks(), "register").state());
    assertEquals("upstream_failed", task(wf2.tasks(), "promote").state());
    assertEquals("endRun:FAILED", acts.calls.get(acts.calls.size() - 1));
  }

  @Test
  void aFailedPromotionFailsTheRunAfterTheVersionWasRegistered() {
    acts.failTask = "promote";
    EmoPipelineWorkflow wf = stub("recola_arousal", "r6");
    assertThrows(WorkflowFailedException.class, () -> wf.run(PipelineRequest.of(
        DagCatalog.bundled().get("recola_arousal").orElseThrow(), "r6", conf(true, null))));
    assertEquals("success", task(wf.tasks(), "register").state());
    TaskState p = task(wf.tasks(), "promote");
    assertEquals("failed", p.state());
    assertTrue(p.log().contains("bad input for promote"), p.log());
    assertEquals("promote", acts.ended.get(0).tags().get("emo.failed_task"));
  }
}
