package org.emoaudionet.worker;

import static org.junit.jupiter.api.Assertions.*;

import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.emoaudionet.data.Split;
import org.emoaudionet.features.FeatureSet;
import org.emoaudionet.features.SegmentFeatures;
import org.emoaudionet.spec.TaskQueues;
import org.emoaudionet.workflows.activity.EpochSummary;
import org.emoaudionet.workflows.activity.EvaluateActivity;
import org.emoaudionet.workflows.activity.EvaluateInput;
import org.emoaudionet.workflows.activity.EvaluateOutput;
import org.emoaudionet.workflows.activity.TrainActivity;
import org.emoaudionet.workflows.activity.TrainInput;
import org.emoaudionet.workflows.activity.TrainOutput;
import org.emoaudionet.workflows.conf.RunConf;
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
 * {@code folds: 3} through the workflow with the REAL download, preprocess and summary
 * activities (S3 on S3Proxy) on a manifest CSV named by {@code dataset_uri} (a subset of the
 * synthetic manifest sample); train and evaluate stand in (no model is trained) and report each
 * fold's split as the preprocess wrote it: every speaker is TEST in exactly one fold and never
 * TEST and TRAIN/VAL in the same fold.
 */
class CrossValidationPipelineTest {
  static S3ProxyFixture s3;
  static TestWorkflowEnvironment env;
  static WorkerContext ctx;
  /** No MLflow here: runs without an MLflow id are not tracked (MlflowTrackerTest covers MLflow). */
  static final List<String> started = new java.util.concurrent.CopyOnWriteArrayList<>();
  static final org.emoaudionet.workflows.activity.TrackingActivities tracking =
      new org.emoaudionet.workflows.activity.TrackingActivities() {
        @Override
        public org.emoaudionet.workflows.activity.TrackingRun startRun(org.emoaudionet.workflows.activity.StartRunInput in) {
          started.add(in.dagRunId());
          return new org.emoaudionet.workflows.activity.TrackingRun("0", null);
        }

        @Override
        public void endRun(org.emoaudionet.workflows.activity.EndRunInput in) {}
      };
  static final Map<Integer, Set<String>> testSpeakers = new ConcurrentHashMap<>();
  static final Map<Integer, Set<String>> otherSpeakers = new ConcurrentHashMap<>();
  static final Set<String> featureKeys = ConcurrentHashMap.newKeySet();
  @TempDir static Path tmp;

  /** Stands in for training and scoring: reads the fold's features and reports its split. */
  static final class SplitReporter implements TrainActivity, EvaluateActivity {
    @Override
    public TrainOutput train(TrainInput in) {
      return new TrainOutput("runs/x/model.tar.gz", "s3://emo/runs/x/model.tar.gz",
          List.of(new EpochSummary(1, 1.0, 0.5, 1.0, 0.5, 1e-3, true)), 1, 0.5, 0, "stand-in", 1);
    }

    @Override
    public EvaluateOutput evaluate(EvaluateInput in) {
      return WorkerContext.guarded(() -> {
        featureKeys.add(in.features().key());
        FeatureSet fs = ctx.features(in.features(), new TaskLog("evaluate", in.dagId(), in.dagRunId(), 1));
        Set<String> test = new TreeSet<>();
        Set<String> other = new TreeSet<>();
        for (SegmentFeatures s : fs.segments()) (s.split() == Split.TEST ? test : other).add(s.speaker());
        int fold = in.conf().fold();
        testSpeakers.put(fold, test);
        otherSpeakers.put(fold, other);
        return new EvaluateOutput(Map.of("test_speakers", (double) test.size(),
            "test_recording_f1_macro", 0.1 * fold), "s3://emo/runs/" + in.dagRunId() + "/metrics.json",
            List.of(), "stand-in", 1);
      });
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
    cpu.registerActivitiesImplementations(tracking, new DownloadActivityImpl(ctx),
        new PreprocessActivityImpl(ctx), new AugmentActivityImpl(ctx),
        new CrossValidationActivityImpl(ctx));
    Worker gpu = env.newWorker(TaskQueues.GPU);
    gpu.registerActivitiesImplementations(new SplitReporter());
    env.start();
  }

  @AfterAll
  static void stop() throws Exception {
    env.close();
    s3.close();
  }

  @Test
  void threeFoldsOnACsvDatasetUriDealEverySpeakerToOneTestFold() throws Exception {
    // two clips of each of the 12 sample speakers, listed by absolute path from a CSV elsewhere
    Path sample = PromoteActivityTest.manifest().getParent();
    List<String> lines = Files.readAllLines(sample.resolve("manifest.csv"));
    StringBuilder csv = new StringBuilder(lines.get(0)).append('\n');
    Map<String, Integer> perSpeaker = new java.util.HashMap<>();
    for (String line : lines.subList(1, lines.size())) {
      String speaker = line.split(",")[2];
      if (perSpeaker.merge(speaker, 1, Integer::sum) > 2) continue;
      csv.append(sample.resolve(line.substring(0, line.indexOf(','))).toAbsolutePath())
          .append(line.substring(line.indexOf(','))).append('\n');
    }
    Path labels = Files.writeString(Files.createDirectories(tmp.resolve("elsewhere"))
        .resolve("labels.csv"), csv.toString());
    RunConf conf = new RunConf("manifest", labels.toUri().toString(), "label", "small", "speaker",
        1, 1L, false, null, "emoaudionet", null, Map.of(), null, 3, null);

    String dag = "audio_manifest_classification";
    EmoPipelineWorkflow wf = env.getWorkflowClient().newWorkflowStub(EmoPipelineWorkflow.class,
        WorkflowOptions.newBuilder().setTaskQueue(TaskQueues.CPU)
            .setWorkflowId(PipelineRequest.workflowId(dag, "cv")).build());
    PipelineResult r = wf.run(PipelineRequest.of(DagCatalog.bundled().get(dag).orElseThrow(), "cv", conf));

    assertEquals(Set.of(0, 1, 2), testSpeakers.keySet());
    Set<String> all = new TreeSet<>(perSpeaker.keySet());
    Set<String> seen = new HashSet<>();
    for (int f = 0; f < 3; f++) {
      Set<String> test = testSpeakers.get(f);
      assertEquals(4, test.size(), "12 speakers in 3 folds: " + testSpeakers);
      for (String s : test) {
        assertTrue(seen.add(s), s + " is TEST in two folds: " + testSpeakers);
        assertFalse(otherSpeakers.get(f).contains(s), s + " is TEST and TRAIN/VAL in fold " + f);
      }
    }
    assertEquals(all, seen, "every speaker is TEST once");
    assertEquals(3, featureKeys.size(), "each fold has its own preprocess cache entry");
    assertEquals(Set.of("cv", "cv-fold-0", "cv-fold-1", "cv-fold-2"), Set.copyOf(started));

    assertEquals(4.0, r.metrics().get("cv.mean.test_speakers"));
    assertEquals(0.0, r.metrics().get("cv.std.test_speakers"));
    assertEquals(0.1, r.metrics().get("cv.mean.test_recording_f1_macro"), 1e-12);
    assertEquals("s3://emo/runs/" + dag + "/cv/cv.json", r.metricsUri());
    assertTrue(ctx.store.exists("runs/" + dag + "/cv/cv.json"));
    List<TaskState> ts = wf.tasks();
    TaskState download = ts.get(0);
    assertEquals("success", download.state());
    assertTrue(download.log().contains("24 listed files"), download.log());
    assertEquals("success", ts.get(3).state(), ts.get(3).log());
    assertEquals("success", ts.get(4).state(), ts.get(4).log());
  }
}
