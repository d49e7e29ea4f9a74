package org.emoaudionet.worker;

import static org.junit.jupiter.api.Assertions.*;

import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.emoaudionet.spec.TaskQueues;
import org.emoaudionet.workflows.activity.EndRunInput;
import org.emoaudionet.workflows.activity.PromoteActivity;
import org.emoaudionet.workflows.activity.PromoteInput;
import org.emoaudionet.workflows.activity.PromoteOutput;
import org.emoaudionet.workflows.activity.RegisterActivity;
import org.emoaudionet.workflows.activity.RegisterInput;
import org.emoaudionet.workflows.activity.RegisterOutput;
import org.emoaudionet.workflows.activity.StartRunInput;
import org.emoaudionet.workflows.activity.TrackingActivities;
import org.emoaudionet.workflows.activity.TrackingRun;
import org.emoaudionet.workflows.conf.RunConf;
import org.emoaudionet.workflows.conf.Sharding;
import org.emoaudionet.workflows.dag.DagCatalog;
import org.emoaudionet.workflows.pipeline.EmoPipelineWorkflow;
import org.emoaudionet.workflows.pipeline.EmoPipelineWorkflowImpl;
import org.emoaudionet.workflows.pipeline.PipelineRequest;
import org.emoaudionet.workflows.pipeline.PipelineResult;
import org.emoaudionet.workflows.pipeline.TaskState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sharded run, real from download to evaluate (Temporal's test environment, S3Proxy, the real
 * preprocess shards, training streamed from them, evaluation streamed too) on a tiny SYNTHETIC
 * manifest corpus of 12 recordings in shards of 4. MLflow, register and promote stand in: this is
 * about the data path (PipelineEndToEndTest runs them for real).
 */
class ShardedPipelineTest {
  static S3ProxyFixture s3;
  static TestWorkflowEnvironment env;
  static WorkerContext ctx;
  @TempDir static Path tmp;

  static final TrackingActivities noMlflow = new TrackingActivities() {
    @Override
    public TrackingRun startRun(StartRunInput in) {
      return new TrackingRun("0", null);
    }

    @Override
    public void endRun(EndRunInput in) {}
  };

  /** Stands in for the MLflow registry (register on emo-cpu, promote on emo-gpu). */
  static final class StandInRegistry implements RegisterActivity, PromoteActivity {
    @Override
    public RegisterOutput register(RegisterInput in) {
      return new RegisterOutput("emoaudionet-test", "1", "stand-in", 1);
    }

    @Override
    public PromoteOutput promote(PromoteInput in) {
      return new PromoteOutput(PromoteOutput.KEPT, null, null, "test_accuracy", null, null,
          "stand-in", null, "stand-in", 1);
    }
  }

  @BeforeAll
  static void start() throws Exception {
    s3 = new S3ProxyFixture();
    WorkerConfig c = WorkerConfig.fromEnv(Map.of("EMO_S3_ENDPOINT", s3.endpoint,
        "EMO_S3_ACCESS_KEY", S3ProxyFixture.ACCESS, "EMO_S3_SECRET_KEY", S3ProxyFixture.SECRET,
        "EMO_WORK_DIR", tmp.resolve("work").toString(), "EMO_DATA_ROOTS", TestDataRoots.of(tmp)));
    ctx = new WorkerContext(c, ArtifactStore.from(c), new MlflowTracker("http://127.0.0.1:9"));
    env = TestWorkflowEnvironment.newInstance();
    Worker cpu = env.newWorker(TaskQueues.CPU);
    cpu.registerWorkflowImplementationTypes(EmoPipelineWorkflowImpl.class);
    cpu.registerActivitiesImplementations(noMlflow, new DownloadActivityImpl(ctx),
        new ShardedPreprocessActivitiesImpl(ctx), new StandInRegistry(),
        new CrossValidationActivityImpl(ctx));
    Worker gpu = env.newWorker(TaskQueues.GPU);
    gpu.registerActivitiesImplementations(new TrainActivityImpl(ctx),
        new EvaluateActivityImpl(ctx), new StandInRegistry());
    env.start();
  }

  @AfterAll
  static void stop() throws Exception {
    env.close();
    s3.close();
  }

  private static PipelineResult run(String runId, RunConf conf, List<List<TaskState>> tasks) {
    String dag = "audio_manifest_classification";
    EmoPipelineWorkflow wf = env.getWorkflowClient().newWorkflowStub(EmoPipelineWorkflow.class,
        WorkflowOptions.newBuilder().setTaskQueue(TaskQueues.CPU)
            .setWorkflowId(PipelineRequest.workflowId(dag, runId)).build());
    PipelineResult r = wf.run(PipelineRequest.of(DagCatalog.bundled().get(dag).orElseThrow(),
        runId, conf));
    tasks.add(wf.tasks());
    return r;
  }

  private static String log(List<TaskState> ts, String id) {
    TaskState t = ts.stream().filter(x -> x.taskId().equals(id)).findFirst().orElseThrow();
    assertEquals("success", t.state(), id + ": " + t.log());
    return t.log();
  }

  @Test
  void shardsAreCachedByContentAndTrainingStreamedFromThemIsReproducible() throws Exception {
    Path corpus = SyntheticCorpus.write(tmp.resolve("corpus"), 6, 3.5);
    RunConf conf = new RunConf("manifest", corpus.toString(), "label", "small", "speaker", 2, 3L,
        false, null, "emoaudionet", null, Map.of(), null, null, null, new Sharding(4, 2, 16));
    List<List<TaskState>> tasks = new java.util.ArrayList<>();
    long shardFilesBefore = shardFiles();

    PipelineResult first = run("sharded-1", conf, tasks);
    String pre = log(tasks.get(0), "preprocess");
    assertTrue(pre.contains("12 recordings in 3 shards of up to 4"), pre);
    for (int i = 1; i <= 3; i++) assertTrue(pre.contains("shard " + i + "/3: prepared"), pre);
    assertTrue(pre.contains("3 shards, 0 from the cache, 3 prepared"), pre);
    assertTrue(log(tasks.get(0), "train").contains("shuffle buffer of 16"),
        log(tasks.get(0), "train"));
    assertEquals("skipped", tasks.get(0).stream().filter(t -> t.taskId().equals("augment"))
        .findFirst().orElseThrow().state());
    double acc = first.metrics().get("test_accuracy");
    assertTrue(acc >= 0 && acc <= 1, "test_accuracy " + acc);
    assertEquals(3, shardFiles() - shardFilesBefore, "3 shard files stored");

    // unchanged: no shard is prepared again, and the seeded streamed run scores the same
    PipelineResult again = run("sharded-2", conf, tasks);
    pre = log(tasks.get(1), "preprocess");
    assertTrue(pre.contains("3 shards, 3 from the cache, 0 prepared"), pre);
    assertEquals(first.metrics(), again.metrics());

    // one recording changed (the 5th, in shard 2): only its shard is prepared again
    Path changed = corpus.resolve("audio/spk2-low.wav");
    byte[] wav = Files.readAllBytes(changed);
    for (int i = wav.length - 2000; i < wav.length; i += 2) wav[i] ^= 0x55;
    Files.write(changed, wav);
    run("sharded-3", conf, tasks);
    pre = log(tasks.get(2), "preprocess");
    assertTrue(pre.contains("3 shards, 2 from the cache, 1 prepared"), pre);
    assertTrue(pre.contains("shard 2/3: prepared"), pre);
    assertTrue(pre.contains("shard 1/3: cache hit") && pre.contains("shard 3/3: cache hit"), pre);

    // the paper's kind of selection: 3 speakers (in id order) are recordings 0-5, so the first
    // shard is the same 4 recordings as before and comes from the cache
    RunConf three = new RunConf("manifest", corpus.toString(), "label", "small", "speaker", 2, 3L,
        false, null, "emoaudionet", null, Map.of(), null, null, null, new Sharding(4, 2, 16),
        new org.emoaudionet.workflows.conf.SpeakerSelection(3, null));
    run("sharded-4", three, tasks);
    pre = log(tasks.get(3), "preprocess");
    assertTrue(pre.contains("6 of 12 recordings, 3 speakers"), pre);
    assertTrue(pre.contains("2 shards, 1 from the cache, 1 prepared"), pre);

    // with augmentation each shard holds its recordings' copies (small: one noise, one pitch)
    RunConf augmented = new RunConf("manifest", corpus.toString(), "label", "small", "speaker", 2,
        3L, true, null, "emoaudionet", null, Map.of(), null, null, null, new Sharding(4, 2, 16));
    run("sharded-5", augmented, tasks);
    pre = log(tasks.get(4), "preprocess");
    int plain = segments(log(tasks.get(2), "preprocess"));
    assertEquals(3 * plain, segments(pre), pre);
    assertTrue(pre.contains("3 shards, 0 from the cache, 3 prepared"), pre);
    TaskState aug = tasks.get(4).stream().filter(t -> t.taskId().equals("augment")).findFirst()
        .orElseThrow();
    assertEquals("skipped", aug.state());
    assertTrue(aug.log().contains("augments within each shard"), aug.log());
  }

  @Test
  void theFoldsOfAShardedCrossValidationShareTheCachedShards() throws Exception {
    Path corpus = SyntheticCorpus.write(tmp.resolve("cv-corpus"), 6, 3.5);
    RunConf cv = new RunConf("manifest", corpus.toString(), "label", "small", "speaker", 1, 5L,
        false, null, "emoaudionet", null, Map.of(), null, 2, null, new Sharding(6, 2, 16));
    for (String run : List.of("sharded-cv-1", "sharded-cv-2")) {
      PipelineResult r = run(run, cv, new java.util.ArrayList<>());
      assertTrue(r.metrics().containsKey("cv.mean.test_accuracy"), r.metrics().toString());
      for (int fold = 0; fold < 2; fold++) {
        List<TaskState> ts = env.getWorkflowClient().newWorkflowStub(EmoPipelineWorkflow.class,
            PipelineRequest.foldWorkflowId("audio_manifest_classification", run, fold)).tasks();
        String pre = log(ts, "preprocess");
        assertTrue(pre.contains("12 recordings in 2 shards of up to 6"), pre);
        // the splits are not in the shards: the second cross-validation prepares nothing, in
        // either fold (in the first, the parallel folds may both prepare a shard they both miss)
        if (run.endsWith("2")) assertTrue(pre.contains("2 shards, 2 from the cache, 0 prepared"), pre);
      }
    }
  }

  private static long shardFiles() throws java.io.IOException {
    return ctx.store.list("cache/feature-shards/").stream()
        .filter(o -> o.key().endsWith(".npz")).count();
  }

  /** The segments a sharded preprocess's log reports: "... prepared; N segments". */
  private static int segments(String log) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("prepared; (\\d+) segments")
        .matcher(log);
    assertTrue(m.find(), log);
    return Integer.parseInt(m.group(1));
  }
}
