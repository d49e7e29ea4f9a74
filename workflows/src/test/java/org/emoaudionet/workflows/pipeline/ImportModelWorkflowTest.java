package org.emoaudionet.workflows.pipeline;

import org.emoaudionet.workflows.activity.ImportModelActivity;
import org.emoaudionet.workflows.activity.ImportModelInput;
import org.emoaudionet.workflows.activity.TrainOutput;
import org.emoaudionet.workflows.conf.RunConf;
import org.emoaudionet.workflows.dag.DagCatalog;
import static org.junit.jupiter.api.Assertions.*;

import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.util.List;
import java.util.Map;
import org.emoaudionet.spec.TaskQueues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A run with {@code conf.import_model}: train imports, augment is skipped, the rest as usual. */
class ImportModelWorkflowTest {
  /** The recording doubles plus the import task (on the GPU queue, as train). */
  static final class ImportingActivities extends RecordingActivities implements ImportModelActivity {
    volatile ImportModelInput lastImport;
    volatile String importQueue;

    @Override
    public TrainOutput importModel(ImportModelInput in) {
      calls.add("importModel");
      lastImport = in;
      importQueue = io.temporal.activity.Activity.getExecutionContext().getInfo()
          .getActivityTaskQueue();
      if ("importModel".equals(failTask)) {
        throw io.temporal.failure.ApplicationFailure.newNonRetryableFailure(
            "import_model s3://m/k/: its classes [a, b] differ from the data set's [x, y]",
            "java.lang.IllegalArgumentException");
      }
      // no epochs: NaN for the best validation accuracy must survive Temporal's payloads
      return new TrainOutput("runs/d/r/model.tar.gz", "s3://emo/runs/d/r/model.tar.gz", List.of(),
          0, Double.NaN, 0, "imported s3://m/k/ (keras-savedmodel)", 1);
    }
  }

  TestWorkflowEnvironment env;
  ImportingActivities acts;

  @BeforeEach
  void setUp() {
    env = TestWorkflowEnvironment.newInstance();
    acts = new ImportingActivities();
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

  private static RunConf importing(String uri) {
    // augment true, as the bundled DAGs default it: still skipped for an imported model
    return new RunConf("manifest", "/data/m", "label", "small", "speaker", 1, 1L, true, null,
        "emoaudionet", null, Map.of(), uri);
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
  void trainImportsTheModelAndAugmentIsSkipped() {
    String dag = "audio_manifest_classification";
    EmoPipelineWorkflow wf = stub(dag, "imp1");
    PipelineResult r = wf.run(PipelineRequest.of(DagCatalog.bundled().get(dag).orElseThrow(), "imp1",
        importing("s3://m/k/")));
    assertEquals(List.of("startRun", "download", "preprocess", "importModel", "evaluate",
        "register", "promote", "endRun:FINISHED"), acts.calls);
    assertEquals(TaskQueues.GPU, acts.importQueue);
    // the import sees the preprocessed (not augmented) features and the MLflow run
    assertEquals("cache/preprocess/p.emof", acts.lastImport.features().key());
    assertEquals("s3://m/k/", acts.lastImport.conf().importModel());
    assertEquals("mlflow-run-imp1", acts.lastImport.mlflowRunId());
    assertNull(acts.lastTrain);
    // evaluate, register and promote get the imported model as they would a trained one
    assertEquals("runs/d/r/model.tar.gz", acts.lastPromote.candidateModelKey());
    assertEquals("cache/preprocess/p.emof", acts.lastPromote.features().key());
    assertEquals("s3://emo/runs/d/r/model.tar.gz", acts.ended.get(0).tags().get("emo.model_uri"));
    assertEquals("s3://emo/runs/d/r/model.tar.gz", r.modelUri());
    assertTrue(r.champion());

    List<TaskState> ts = wf.tasks();
    TaskState augment = task(ts, "augment");
    assertEquals("skipped", augment.state());
    assertEquals("skipped: the model is imported", augment.log());
    TaskState train = task(ts, "train");
    assertEquals("success", train.state());
    assertTrue(train.log().contains("imported s3://m/k/ (keras-savedmodel)"), train.log());
    for (String t : List.of("download", "preprocess", "evaluate", "register", "promote")) {
      assertEquals("success", task(ts, t).state(), t);
    }
  }

  @Test
  void aRefusedImportFailsTrainAndEverythingAfterIt() {
    acts.failTask = "importModel";
    String dag = "audio_manifest_classification";
    EmoPipelineWorkflow wf = stub(dag, "imp2");
    WorkflowFailedException e = assertThrows(WorkflowFailedException.class, () -> wf.run(
        PipelineRequest.of(DagCatalog.bundled().get(dag).orElseThrow(), "imp2", importing("s3://m/k/"))));
    assertTrue(String.valueOf(e.getCause().getMessage()).contains("task train failed"),
        String.valueOf(e.getCause()));
    assertEquals(List.of("startRun", "download", "preprocess", "importModel", "endRun:FAILED"),
        acts.calls);
    List<TaskState> ts = wf.tasks();
    TaskState train = task(ts, "train");
    assertEquals("failed", train.state());
    assertEquals(1, train.tryNumber()); // bad input is not retried
    assertTrue(train.log().contains("its classes [a, b] differ from the data set's [x, y]"),
        train.log());
    for (String later : List.of("evaluate", "register", "promote")) {
      assertEquals("upstream_failed", task(ts, later).state(), later);
    }
    assertEquals("train", acts.ended.get(0).tags().get("emo.failed_task"));
  }
}
