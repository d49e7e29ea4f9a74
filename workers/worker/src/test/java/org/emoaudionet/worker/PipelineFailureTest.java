package org.emoaudionet.worker;

import static org.junit.jupiter.api.Assertions.*;

import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.emoaudionet.spec.TaskQueues;
import org.emoaudionet.workflows.conf.RunConf;
import org.emoaudionet.workflows.dag.DagCatalog;
import org.emoaudionet.workflows.pipeline.EmoPipelineWorkflow;
import org.emoaudionet.workflows.pipeline.EmoPipelineWorkflowImpl;
import org.emoaudionet.workflows.pipeline.PipelineRequest;
import org.emoaudionet.workflows.pipeline.TaskState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The workflow with the REAL data activities (S3 on S3Proxy) failing on bad input: the failed
 * task says why, later tasks are upstream_failed, the tracking run is closed FAILED.
 */
class PipelineFailureTest {
  static S3ProxyFixture s3;
  static TestWorkflowEnvironment env;
  static RecordingTracking tracking = new RecordingTracking();
  @TempDir static Path tmp;

  @BeforeAll
  static void start() throws Exception {
    s3 = new S3ProxyFixture();
    WorkerConfig c = WorkerConfig.fromEnv(Map.of("EMO_S3_ENDPOINT", s3.endpoint,
        "EMO_S3_ACCESS_KEY", S3ProxyFixture.ACCESS, "EMO_S3_SECRET_KEY", S3ProxyFixture.SECRET,
        "EMO_WORK_DIR", tmp.resolve("work").toString(), "EMO_DATA_ROOTS", TestDataRoots.of(tmp)));
    WorkerContext ctx = new WorkerContext(c, ArtifactStore.from(c), new MlflowTracker("http://127.0.0.1:9"));
    env = TestWorkflowEnvironment.newInstance();
    Worker cpu = env.newWorker(TaskQueues.CPU);
    cpu.registerWorkflowImplementationTypes(EmoPipelineWorkflowImpl.class);
    cpu.registerActivitiesImplementations(tracking, new DownloadActivityImpl(ctx),
        new PreprocessActivityImpl(ctx), new AugmentActivityImpl(ctx), new RegisterActivityImpl(ctx));
    Worker gpu = env.newWorker(TaskQueues.GPU);
    gpu.registerActivitiesImplementations(new TrainActivityImpl(ctx), new EvaluateActivityImpl(ctx));
    env.start();
  }

  @AfterAll
  static void stop() throws Exception {
    env.close();
    s3.close();
  }

  private static List<TaskState> runExpectingFailure(String runId, RunConf conf) {
    EmoPipelineWorkflow wf = env.getWorkflowClient().newWorkflowStub(EmoPipelineWorkflow.class,
        WorkflowOptions.newBuilder().setTaskQueue(TaskQueues.CPU)
            .setWorkflowId(PipelineRequest.workflowId("audio_manifest_classification", runId)).build());
    assertThrows(WorkflowFailedException.class,
        () -> wf.run(PipelineRequest.of(DagCatalog.bundled().get("audio_manifest_classification").orElseThrow(), runId, conf)));
    return wf.tasks();
  }

  private static TaskState task(List<TaskState> ts, String id) {
    return ts.stream().filter(t -> t.taskId().equals(id)).findFirst().orElseThrow();
  }

  private static RunConf conf(String dataset, String checksum) {
    return new RunConf("manifest", dataset, "label", "small", "speaker", 1, 1L, true, null,
        "emoaudionet", checksum, Map.of());
  }

  @Test
  void badChecksumFailsDownloadOnceAndEverythingAfter() throws Exception {
    Path archive = TestArchives.tarGz(tmp.resolve("data.tar.gz"),
        TestArchives.Entry.file("manifest.csv", "path,label\n"));
    List<TaskState> ts = runExpectingFailure("bad-md5", conf(archive.toString(), "md5:" + "f".repeat(32)));
    TaskState dl = task(ts, "download");
    assertEquals("failed", dl.state());
    assertEquals(1, dl.tryNumber(), "bad input is not retried");
    assertTrue(dl.log().contains("checksum mismatch"), dl.log());
    for (String t : List.of("preprocess", "augment", "train", "evaluate", "register", "promote")) {
      assertEquals("upstream_failed", task(ts, t).state(), t);
    }
    assertEquals("FAILED", tracking.ended.get(tracking.ended.size() - 1).status());
    assertEquals("download", tracking.ended.get(tracking.ended.size() - 1).tags().get("emo.failed_task"));
  }

  @Test
  void missingManifestFailsPreprocessAfterAStoredDownload() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("no-manifest/audio"));
    Files.writeString(dir.resolve("readme.txt"), "no manifest here");
    List<TaskState> ts = runExpectingFailure("no-manifest", conf(tmp.resolve("no-manifest").toString(), null));
    assertEquals("success", task(ts, "download").state());
    assertTrue(task(ts, "download").log().contains("datasets/sha256-"), task(ts, "download").log());
    TaskState pre = task(ts, "preprocess");
    assertEquals("failed", pre.state());
    assertTrue(pre.log().contains("no manifest 'manifest.csv'"), pre.log());
    assertEquals("upstream_failed", task(ts, "train").state());
  }
}
