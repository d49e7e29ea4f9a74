package org.emoaudionet.workflows.pipeline;

import org.emoaudionet.workflows.activity.CrossValidationInput;
import org.emoaudionet.workflows.activity.CrossValidationStats;
import org.emoaudionet.workflows.activity.EndRunInput;
import org.emoaudionet.workflows.activity.PreprocessInput;
import org.emoaudionet.workflows.activity.StartRunInput;
import org.emoaudionet.workflows.activity.TrainInput;
import org.emoaudionet.workflows.conf.RunConf;
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
import java.util.TreeSet;
import org.emoaudionet.spec.TaskQueues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code conf.folds}: the run fans out one child workflow per fold on Temporal's test server,
 * each fold trains and scores but never registers, the parent's MLflow run is the folds'
 * parent and gets their mean and std; a failing fold fails the run naming it.
 */
class CrossValidationWorkflowTest {
  static final String DAG = "audio_manifest_classification";
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

  static RunConf conf(int folds) {
    return new RunConf("manifest", "/data/m/labels.csv", "label", "cpu", "speaker", 1, 1L, true,
        null, "emoaudionet", null, Map.of(), null, folds, null);
  }

  private EmoPipelineWorkflow stub(String run) {
    return env.getWorkflowClient().newWorkflowStub(EmoPipelineWorkflow.class,
        WorkflowOptions.newBuilder().setTaskQueue(TaskQueues.CPU)
            .setWorkflowId(PipelineRequest.workflowId(DAG, run)).build());
  }

  private EmoPipelineWorkflow child(String run, int fold) {
    return env.getWorkflowClient().newWorkflowStub(EmoPipelineWorkflow.class,
        PipelineRequest.foldWorkflowId(DAG, run, fold));
  }

  private static TaskState task(List<TaskState> ts, String id) {
    return ts.stream().filter(t -> t.taskId().equals(id)).findFirst().orElseThrow();
  }

  private static long count(List<String> calls, String call) {
    return calls.stream().filter(call::equals).count();
  }

  @Test
  void threeFoldsRunAsChildWorkflowsAndTheParentLogsMeanAndStd() {
    EmoPipelineWorkflow wf = stub("cv1");
    PipelineResult r = wf.run(PipelineRequest.of(DagCatalog.bundled().get(DAG).orElseThrow(), "cv1", conf(3)));

    // the data set is stored once, by the parent; every fold trains and evaluates, none registers
    assertEquals(1, count(acts.calls, "download"));
    assertEquals(3, count(acts.calls, "preprocess"));
    assertEquals(3, count(acts.calls, "augment"));
    assertEquals(3, count(acts.calls, "train"));
    assertEquals(3, count(acts.calls, "evaluate"));
    assertEquals(0, count(acts.calls, "register"));
    assertEquals(0, count(acts.calls, "promote"));
    assertEquals(1, count(acts.calls, "summarize"));
    assertEquals(4, count(acts.calls, "startRun"));
    assertEquals(4, count(acts.calls, "endRun:FINISHED"));
    // each child is the normal pipeline with its conf plus fold: i
    assertEquals(new TreeSet<>(List.of(0, 1, 2)),
        new TreeSet<>(acts.trains.stream().map(t -> t.conf().fold()).toList()));
    for (TrainInput t : acts.trains) {
      assertEquals(3, t.conf().folds());
      assertEquals("cpu", t.conf().preset());
      assertEquals("/data/m/labels.csv", t.conf().datasetUri());
      assertEquals("cv1-fold-" + t.conf().fold(), t.dagRunId());
      assertEquals("mlflow-run-cv1-fold-" + t.conf().fold(), t.mlflowRunId());
    }
    for (PreprocessInput p : acts.preprocesses) {
      assertEquals("datasets/sha256-d.tar.gz", p.dataset().key(), "the parent's stored data set");
    }

    // MLflow: the parent's run has no parent; each fold's run is its child, named <run>-fold-<i>
    StartRunInput parent = acts.started.stream().filter(s -> s.dagRunId().equals("cv1"))
        .findFirst().orElseThrow();
    assertNull(parent.parentRunId());
    assertEquals(PipelineRequest.workflowId(DAG, "cv1"), parent.workflowId());
    for (int i = 0; i < 3; i++) {
      String name = "cv1-fold-" + i;
      StartRunInput s = acts.started.stream().filter(x -> x.dagRunId().equals(name))
          .findFirst().orElseThrow();
      assertEquals("mlflow-run-cv1", s.parentRunId(), name);
      assertEquals(PipelineRequest.foldWorkflowId(DAG, "cv1", i), s.workflowId());
      assertEquals(i, s.conf().fold());
    }

    // mean and population std over the folds of every test metric, and each fold's value
    Map<String, Double> m = r.metrics();
    assertEquals(0.2, m.get("cv.mean.test_accuracy"), 1e-12);
    assertEquals(Math.sqrt(2.0 / 3) * 0.1, m.get("cv.std.test_accuracy"), 1e-12);
    assertEquals(0.4, m.get("cv.mean.test_recording_f1_macro"), 1e-12);
    assertEquals(Math.sqrt(2.0 / 3) * 0.2, m.get("cv.std.test_recording_f1_macro"), 1e-12);
    assertEquals(0.3, m.get("cv.fold_2.test_accuracy"), 1e-12);
    assertEquals(0.2, m.get("cv.fold_0.test_recording_f1_macro"), 1e-12);
    assertEquals("mlflow-run-cv1", acts.lastCrossValidation.mlflowRunId());
    assertEquals(List.of(0, 1, 2), acts.lastCrossValidation.folds().stream()
        .map(CrossValidationInput.FoldResult::fold).toList());
    assertEquals("mlflow-run-cv1-fold-1", acts.lastCrossValidation.folds().get(1).mlflowRunId());
    assertEquals("mlflow-run-cv1", r.mlflowRunId());
    assertEquals("s3://emo/runs/" + DAG + "/cv1/cv.json", r.metricsUri());
    assertNull(r.registeredModel());
    assertNull(r.modelVersion());
    assertFalse(r.champion());

    EndRunInput parentEnd = acts.ended.stream().filter(e -> e.runId().equals("mlflow-run-cv1"))
        .findFirst().orElseThrow();
    assertEquals("3", parentEnd.tags().get("emo.cv.folds"));
    assertEquals("s3://emo/runs/" + DAG + "/cv1/cv.json", parentEnd.tags().get("emo.cv.summary_uri"));

    // the parent's task view: download, the folds as train, the summary as evaluate
    List<TaskState> ts = wf.tasks();
    assertEquals(DagDefinition.TASK_IDS, ts.stream().map(TaskState::taskId).toList());
    assertEquals("success", task(ts, "download").state());
    assertEquals("skipped", task(ts, "preprocess").state());
    assertEquals("skipped", task(ts, "augment").state());
    TaskState folds = task(ts, "train");
    assertEquals("success", folds.state());
    assertTrue(folds.startMillis() > 0 && folds.endMillis() >= folds.startMillis());
    for (int i = 0; i < 3; i++) {
      assertTrue(folds.log().contains("fold " + i + ": started "
          + PipelineRequest.foldWorkflowId(DAG, "cv1", i)), folds.log());
      assertTrue(folds.log().contains("fold " + i + ": success, MLflow run mlflow-run-cv1-fold-" + i),
          folds.log());
    }
    assertEquals("success", task(ts, "evaluate").state());
    assertTrue(task(ts, "evaluate").log().contains("test_accuracy: 0.2000 \u00b1 0.0816"),
        task(ts, "evaluate").log());
    assertEquals("skipped", task(ts, "register").state());
    assertTrue(task(ts, "register").log().contains("is an evaluation"));
    assertEquals("skipped", task(ts, "promote").state());

    // a fold's own view: it read the parent's data set, trained, scored, registered nothing
    List<TaskState> one = child("cv1", 1).tasks();
    assertEquals("skipped", task(one, "download").state());
    assertTrue(task(one, "download").log().contains("cv1"), task(one, "download").log());
    assertEquals("success", task(one, "train").state());
    assertEquals("success", task(one, "evaluate").state());
    assertEquals("skipped", task(one, "register").state());
    assertTrue(task(one, "register").log().contains("fold 1 of 3"), task(one, "register").log());
  }

  @Test
  void aFailingFoldFailsTheRunNamingTheFold() {
    acts.failFold = 1;
    EmoPipelineWorkflow wf = stub("cv2");
    WorkflowFailedException e = assertThrows(WorkflowFailedException.class, () -> wf.run(
        PipelineRequest.of(DagCatalog.bundled().get(DAG).orElseThrow(), "cv2", conf(3))));
    ApplicationFailure af = assertInstanceOf(ApplicationFailure.class, e.getCause());
    String msg = af.getOriginalMessage();
    assertTrue(msg.contains("fold 1 of 3 (" + PipelineRequest.foldWorkflowId(DAG, "cv2", 1)
        + ") failed") && msg.contains("fold 1 has one class only"), msg);

    List<TaskState> ts = wf.tasks();
    TaskState folds = task(ts, "train");
    assertEquals("failed", folds.state());
    assertTrue(folds.log().contains("fold 1: failed: task train failed"), folds.log());
    for (String later : List.of("evaluate", "register", "promote")) {
      assertEquals("upstream_failed", task(ts, later).state(), later);
    }
    assertEquals(0, count(acts.calls, "summarize"));
    EndRunInput parentEnd = acts.ended.stream().filter(x -> x.runId().equals("mlflow-run-cv2"))
        .findFirst().orElseThrow();
    assertEquals("FAILED", parentEnd.status());
    assertEquals("train", parentEnd.tags().get("emo.failed_task"));
    assertEquals("1", parentEnd.tags().get("emo.cv.failed_fold"));
    // every fold's MLflow run was closed: the failed one FAILED, the others finished or stopped
    assertEquals(4, acts.ended.size(), acts.calls.toString());
  }

  @Test
  void statsSkipMissingAndNonFiniteValues() {
    Map<String, Double> s = CrossValidationStats.summarize(List.of(
        Map.of("test_ccc", 0.5, "test_accuracy", 1.0),
        Map.of("test_ccc", Double.NaN, "test_accuracy", 0.0),
        Map.of("test_accuracy", 0.5)));
    assertEquals(0.5, s.get("cv.mean.test_accuracy"), 1e-12);
    assertEquals(Math.sqrt(1.0 / 6), s.get("cv.std.test_accuracy"), 1e-12);
    assertEquals(0.5, s.get("cv.mean.test_ccc"), 1e-12);
    assertEquals(0.0, s.get("cv.std.test_ccc"), 1e-12);
    assertTrue(s.get("cv.fold_1.test_ccc").isNaN());
    assertNull(s.get("cv.fold_2.test_ccc"));
  }
}
