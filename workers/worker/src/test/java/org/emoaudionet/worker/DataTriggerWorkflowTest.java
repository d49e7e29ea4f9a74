package org.emoaudionet.worker;

import static org.junit.jupiter.api.Assertions.*;

import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import io.temporal.api.common.v1.Payload;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.filter.v1.StartTimeFilter;
import io.temporal.api.filter.v1.WorkflowTypeFilter;
import io.temporal.api.workflow.v1.WorkflowExecutionInfo;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.api.workflowservice.v1.ListClosedWorkflowExecutionsRequest;
import io.temporal.api.workflowservice.v1.ListOpenWorkflowExecutionsRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowServiceException;
import io.temporal.common.converter.DefaultDataConverter;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.WorkflowReplayer;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerFactoryOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.emoaudionet.spec.TaskQueues;
import org.emoaudionet.workflows.activity.S3Keys;
import org.emoaudionet.workflows.dag.ChampionPolicy;
import org.emoaudionet.workflows.dag.DagDefinition;
import org.emoaudionet.workflows.dag.DataTrigger;
import org.emoaudionet.workflows.schedule.DataTriggerInput;
import org.emoaudionet.workflows.schedule.DataTriggerState;
import org.emoaudionet.workflows.schedule.DataTriggerWorkflow;
import org.emoaudionet.workflows.schedule.DataTriggerWorkflowImpl;
import org.emoaudionet.workflows.schedule.DataTriggers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The data-trigger watcher on Temporal's test server (time skipping: the poll timers pass at
 * once) with its real observation activity against a real S3 server: a baseline starts nothing,
 * a change starts exactly one run, a paused DAG none until it is resumed, a copy in progress
 * one run once it settles. The worker keeps no workflow cache, so every workflow task runs by
 * replaying the whole history, as a worker restarted at that point would: no run may start
 * twice. (Replacing the worker factory midway is not tested here: the Java test server hands
 * the next task to the closed worker's pending poll and the watcher never resumes; the stack's
 * CrashResumeIT kills real worker processes.)
 */
class DataTriggerWorkflowTest {
  static final String DAG = "incoming_manifest";
  static final String PREFIX = "s3://incoming/drop/";
  Duration poll;

  @TempDir Path work;
  S3ProxyFixture s3;
  TestWorkflowEnvironment env;
  WorkerContext ctx;
  WorkerFactory factory;
  ArtifactStore incoming;
  DataTriggerWorkflow watcher;
  DataTriggerInput input;

  /** The test server, with time skipping (poll timers pass at once) or in real time. */
  void start(boolean timeSkipping, Duration pollInterval) throws Exception {
    poll = pollInterval;
    s3 = new S3ProxyFixture();
    WorkerConfig c = WorkerConfig.fromEnv(Map.of("EMO_S3_ENDPOINT", s3.endpoint,
        "EMO_S3_ACCESS_KEY", S3ProxyFixture.ACCESS, "EMO_S3_SECRET_KEY", S3ProxyFixture.SECRET,
        "EMO_S3_BUCKET", "emo", "EMO_WORK_DIR", work.toString()));
    ctx = new WorkerContext(c, ArtifactStore.from(c), new MlflowTracker("http://127.0.0.1:9"));
    incoming = s3.store("incoming");
    env = TestWorkflowEnvironment.newInstance(TestEnvironmentOptions.newBuilder()
        .setUseTimeskipping(timeSkipping).build());
    env.start();
    factory = startWorker();

    Map<String, Object> defaults = new TreeMap<>(Map.of("layout", "manifest", "task", "label",
        "preset", "small", "split", "speaker", "augment", false, "arch", "emoaudionet"));
    DagDefinition dag = new DagDefinition(DAG, "manifests dropped into S3", List.of("manifest"),
        defaults, false, null, new DataTrigger(PREFIX, poll), ChampionPolicy.defaultFor("label"),
        false);
    input = DataTriggers.input(dag, 4); // continue-as-new every 4 polls, within this test
    watcher = env.getWorkflowClient().newWorkflowStub(DataTriggerWorkflow.class,
        WorkflowOptions.newBuilder().setTaskQueue(TaskQueues.CPU)
            .setWorkflowId(DataTriggerWorkflow.workflowId(DAG))
            .setWorkflowTaskTimeout(Duration.ofSeconds(2))
            .setMemo(Map.of(DataTriggerWorkflow.CONFIG_MEMO, input.configHash())).build());
  }

  /**
   * A worker process as the platform registers it. No workflow cache: every workflow task
   * replays the history from the start, as on a freshly started worker.
   */
  WorkerFactory startWorker() {
    WorkerFactory f = WorkerFactory.newInstance(env.getWorkflowClient(),
        WorkerFactoryOptions.newBuilder().setWorkflowCacheSize(0).build());
    Worker w = f.newWorker(TaskQueues.CPU);
    w.registerWorkflowImplementationTypes(DataTriggerWorkflowImpl.class, StandInPipeline.class);
    w.registerActivitiesImplementations(new ObservePrefixActivityImpl(ctx));
    f.start();
    return f;
  }

  @AfterEach
  void tearDown() throws Exception {
    if (factory != null) factory.shutdownNow();
    if (env != null) env.close();
    if (s3 != null) s3.close();
  }

  void put(String key, String text) throws Exception {
    Path f = Files.createTempFile(work, "obj", ".bin");
    Files.writeString(f, text);
    incoming.putFile(key, f);
  }

  void pause(boolean paused) throws Exception {
    Path f = Files.createTempFile(work, "state", ".json");
    Files.writeString(f, "{\"is_paused\": " + paused + ", \"updated_at\": \"2026-01-01T00:00:00Z\","
        + " \"updated_by\": \"test\"}");
    ctx.store.putFile(S3Keys.dagState(DAG), f);
  }

  /** Lets the watcher make {@code more} polls (test-server time, skipped). */
  DataTriggerState polls(int more) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
    long target = state(deadline).polls() + more;
    DataTriggerState s;
    while ((s = state(deadline)).polls() < target) {
      assertTrue(System.nanoTime() < deadline, "the watcher stopped polling at " + s);
      env.sleep(poll.dividedBy(2));
    }
    return s;
  }

  /** The watcher's state, asking again while a query times out on a busy worker. */
  DataTriggerState state(long deadline) {
    while (true) {
      try {
        return watcher.state();
      } catch (WorkflowServiceException e) {
        if (System.nanoTime() > deadline) throw e;
        env.sleep(poll.dividedBy(2));
      }
    }
  }

  /** Every DAG run execution the server knows, by workflow id. */
  List<WorkflowExecutionInfo> runs() {
    var stub = env.getWorkflowServiceStubs().blockingStub();
    WorkflowTypeFilter type = WorkflowTypeFilter.newBuilder().setName("EmoPipelineWorkflow").build();
    StartTimeFilter always = StartTimeFilter.newBuilder()
        .setEarliestTime(Timestamp.newBuilder().setSeconds(0))
        .setLatestTime(Timestamp.newBuilder().setSeconds(Instant.now().getEpochSecond() + 10 * 86_400))
        .build();
    List<WorkflowExecutionInfo> all = new ArrayList<>();
    all.addAll(stub.listOpenWorkflowExecutions(ListOpenWorkflowExecutionsRequest.newBuilder()
        .setNamespace(env.getNamespace()).setTypeFilter(type).setStartTimeFilter(always)
        .setMaximumPageSize(1000).setNextPageToken(ByteString.EMPTY).build()).getExecutionsList());
    all.addAll(stub.listClosedWorkflowExecutions(ListClosedWorkflowExecutionsRequest.newBuilder()
        .setNamespace(env.getNamespace()).setTypeFilter(type).setStartTimeFilter(always)
        .setMaximumPageSize(1000).setNextPageToken(ByteString.EMPTY).build()).getExecutionsList());
    // the test server ignores the type filter: keep the DAG runs only
    all.removeIf(i -> !i.getType().getName().equals("EmoPipelineWorkflow"));
    return all;
  }

  TreeSet<String> runIds() {
    TreeSet<String> ids = new TreeSet<>();
    runs().forEach(r -> ids.add(r.getExecution().getWorkflowId()));
    assertEquals(ids.size(), runs().size(), "a run id started twice: " + runs());
    return ids;
  }

  Map<String, String> memo(String workflowId) {
    var info = env.getWorkflowServiceStubs().blockingStub().describeWorkflowExecution(
        DescribeWorkflowExecutionRequest.newBuilder().setNamespace(env.getNamespace())
            .setExecution(WorkflowExecution.newBuilder().setWorkflowId(workflowId)).build())
        .getWorkflowExecutionInfo();
    Map<String, String> out = new TreeMap<>();
    for (Map.Entry<String, Payload> e : info.getMemo().getFieldsMap().entrySet()) {
      out.put(e.getKey(), DefaultDataConverter.STANDARD_INSTANCE.fromPayload(e.getValue(),
          String.class, String.class));
    }
    return out;
  }

  @Test
  void oneRunPerSettledChangeNoneWhilePausedOneOnResume() throws Exception {
    start(true, Duration.ofSeconds(10));
    put("drop/manifest.csv", "path,label\nclips/a.wav,x\n");
    put("drop/clips/a.wav", "a");
    WorkflowClient.start(watcher::watch, input);

    DataTriggerState s = polls(3);
    assertEquals(0, s.runsStarted(), "the baseline starts nothing: " + s);
    assertEquals(List.of(), runs());

    put("drop/clips/b.wav", "b");
    s = polls(3);
    assertEquals(1, s.runsStarted(), s.toString());
    TreeSet<String> ids = runIds();
    assertEquals(1, ids.size(), ids.toString());
    String first = ids.first();
    assertTrue(first.startsWith(DAG + "/asset_triggered__"), first);
    Map<String, String> memo = memo(first);
    assertEquals("asset_triggered", memo.get("run_type"));
    assertEquals("asset", memo.get("triggered_by"));
    assertEquals(PREFIX, memo.get("triggering_asset"));
    assertEquals(s.lastTriggeredDigest(), memo.get("triggering_digest"));
    assertFalse(memo.containsKey("logical_date"), memo.toString());
    assertTrue(memo.get("conf").contains("\"dataset_uri\":\"" + PREFIX + "\""), memo.get("conf"));
    assertEquals(first, DAG + "/" + memo.get("dag_run_id"));

    s = polls(3);
    assertEquals(1, runIds().size(), "unchanged data starts nothing: " + runIds());

    pause(true);
    put("drop/clips/c.wav", "c");
    s = polls(3);
    assertEquals(1, runIds().size(), "paused: no run: " + runIds());
    pause(false);
    s = polls(2);
    assertEquals(2, runIds().size(), "resumed: the change made while paused runs once: " + runIds());
    s = polls(2);
    assertEquals(2, runIds().size(), runIds().toString());

    // The watcher continued as new on the way (4 polls each) and kept its memo and state.
    assertEquals(input.configHash(), memo(DataTriggerWorkflow.workflowId(DAG))
        .get(DataTriggerWorkflow.CONFIG_MEMO));
    assertEquals(2, watcher.state().runsStarted());

    // A worker started afresh replays the history as recorded: the recorded child start is
    // matched, not repeated (a non-deterministic replay would throw here).
    WorkflowReplayer.replayWorkflowExecution(
        env.getWorkflowClient().fetchHistory(DataTriggerWorkflow.workflowId(DAG)),
        DataTriggerWorkflowImpl.class);
  }

  @Test
  void aCopyInProgressTriggersOnceWhenItSettles() throws Exception {
    start(true, Duration.ofSeconds(10));
    WorkflowClient.start(watcher::watch, input); // baseline: the empty prefix
    polls(1);
    // one object per poll, as a slow copy would: the digest never settles until it stops
    for (String name : List.of("m.csv", "a.wav", "b.wav")) {
      put("drop/" + name, name);
      polls(1);
      assertEquals(0, runIds().size(), "mid-copy after " + name + ": " + runIds());
    }
    polls(3);
    assertEquals(1, runIds().size(), runIds().toString());
  }
}
