package org.emoaudionet.workflows.pipeline;

import static org.junit.jupiter.api.Assertions.*;

import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.emoaudionet.spec.TaskQueues;
import org.emoaudionet.workflows.activity.FeaturesRef;
import org.emoaudionet.workflows.activity.JoinShardsInput;
import org.emoaudionet.workflows.activity.PreprocessShardInput;
import org.emoaudionet.workflows.activity.ShardPlan;
import org.emoaudionet.workflows.activity.ShardPlanInput;
import org.emoaudionet.workflows.activity.ShardRef;
import org.emoaudionet.workflows.activity.ShardSpec;
import org.emoaudionet.workflows.activity.ShardedPreprocessActivities;
import org.emoaudionet.workflows.conf.RunConf;
import org.emoaudionet.workflows.conf.Sharding;
import org.emoaudionet.workflows.dag.DagCatalog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sharded preprocess's fan-out: bounded parallelism, plan order, the failing shard named. */
class ShardedPreprocessWorkflowTest {
  TestWorkflowEnvironment env;
  RecordingActivities acts;
  Shards shards;

  /** Stand-in shards: 7 of them, each taking a little while, odd ones "cached". */
  static final class Shards implements ShardedPreprocessActivities {
    final AtomicInteger running = new AtomicInteger();
    final AtomicInteger mostAtOnce = new AtomicInteger();
    final List<Integer> prepared = new CopyOnWriteArrayList<>();
    volatile JoinShardsInput joined;
    volatile int failShard = -1;

    @Override
    public ShardPlan plan(ShardPlanInput in) {
      List<ShardSpec> specs = new ArrayList<>();
      for (int i = 0; i < 7; i++) specs.add(new ShardSpec(i, 3 * i, 3 * i + 3, "d" + i));
      return new ShardPlan(specs, 21, "21 recordings in 7 shards of up to 3", 1);
    }

    @Override
    public ShardRef preprocessShard(PreprocessShardInput in) {
      int now = running.incrementAndGet();
      mostAtOnce.accumulateAndGet(now, Math::max);
      try {
        Thread.sleep(150);
        if (in.shard().index() == failShard) {
          throw ApplicationFailure.newNonRetryableFailure("recording 9 is corrupt",
              "java.lang.IllegalArgumentException");
        }
        prepared.add(in.shard().index());
        int i = in.shard().index();
        return new ShardRef(i, "cache/feature-shards/d" + i + ".npz", in.shard().digest(), 5,
            "sha" + i, i % 2 == 1, List.of(), "shard " + (i + 1), 1);
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      } finally {
        running.decrementAndGet();
      }
    }

    @Override
    public FeaturesRef join(JoinShardsInput in) {
      joined = in;
      return new FeaturesRef("cache/feature-sets/k/shards.json", "s3://emo/cache/feature-sets/k/shards.json",
          "k", false, 35, "35 segments in 7 shard files", 1);
    }
  }

  @BeforeEach
  void setUp() {
    env = TestWorkflowEnvironment.newInstance();
    acts = new RecordingActivities();
    shards = new Shards();
    Worker cpu = env.newWorker(TaskQueues.CPU);
    cpu.registerWorkflowImplementationTypes(EmoPipelineWorkflowImpl.class);
    cpu.registerActivitiesImplementations(acts, shards);
    Worker gpu = env.newWorker(TaskQueues.GPU);
    gpu.registerActivitiesImplementations(acts);
    env.start();
  }

  @AfterEach
  void tearDown() {
    env.close();
  }

  private EmoPipelineWorkflow stub(String run) {
    return env.getWorkflowClient().newWorkflowStub(EmoPipelineWorkflow.class,
        WorkflowOptions.newBuilder().setTaskQueue(TaskQueues.CPU)
            .setWorkflowId(PipelineRequest.workflowId("audio_manifest_classification", run)).build());
  }

  private static RunConf sharded(int parallelism) {
    return new RunConf("manifest", "/data/m", "label", "small", "speaker", 1, 1L, false, null,
        "emoaudionet", null, Map.of(), null, null, null, new Sharding(3, parallelism, 64));
  }

  private static TaskState task(List<TaskState> ts, String id) {
    return ts.stream().filter(t -> t.taskId().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void shardsRunAtMostParallelismAtOnceAndJoinInPlanOrder() {
    EmoPipelineWorkflow wf = stub("s1");
    wf.run(PipelineRequest.of(DagCatalog.bundled().get("audio_manifest_classification")
        .orElseThrow(), "s1", sharded(2)));
    assertEquals(2, shards.mostAtOnce.get(), "7 shards, parallelism 2");
    assertEquals(7, shards.prepared.size());
    assertEquals(List.of(0, 1, 2, 3, 4, 5, 6),
        shards.joined.shards().stream().map(ShardRef::index).toList());
    assertFalse(acts.calls.contains("preprocess"), "the one-activity preprocess is not run");
    assertEquals("cache/feature-sets/k/shards.json", acts.lastTrain.features().key());
    String log = task(wf.tasks(), "preprocess").log();
    assertEquals("success", task(wf.tasks(), "preprocess").state(), log);
    assertTrue(log.contains("21 recordings in 7 shards of up to 3"), log);
    assertTrue(log.contains("shard 7/7") && log.contains("(7/7 shards done)"), log);
    assertTrue(log.contains("7 shards, 3 from the cache, 4 prepared; 35 segments"), log);
  }

  @Test
  void aFailingShardFailsTheTaskNamingItAndNothingDownstreamRuns() {
    shards.failShard = 3;
    EmoPipelineWorkflow wf = stub("s2");
    WorkflowFailedException e = assertThrows(WorkflowFailedException.class, () -> wf.run(
        PipelineRequest.of(DagCatalog.bundled().get("audio_manifest_classification")
            .orElseThrow(), "s2", sharded(3))));
    assertTrue(e.getCause().getMessage().contains("shard 4/7 failed: recording 9 is corrupt"),
        e.getCause().getMessage());
    List<TaskState> ts = wf.tasks();
    assertEquals("failed", task(ts, "preprocess").state());
    assertEquals("upstream_failed", task(ts, "train").state());
    assertFalse(acts.calls.contains("train"));
    assertNull(shards.joined, "no index is joined from a partial set");
  }
}
