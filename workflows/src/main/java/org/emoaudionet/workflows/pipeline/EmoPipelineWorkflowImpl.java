package org.emoaudionet.workflows.pipeline;

import io.temporal.api.enums.v1.ParentClosePolicy;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.failure.TimeoutFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.CancellationScope;
import io.temporal.workflow.ChildWorkflowOptions;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.emoaudionet.spec.TaskQueues;
import org.emoaudionet.workflows.activity.ActivityPlans;
import org.emoaudionet.workflows.activity.AugmentActivity;
import org.emoaudionet.workflows.activity.AugmentInput;
import org.emoaudionet.workflows.activity.CrossValidationActivity;
import org.emoaudionet.workflows.activity.CrossValidationInput;
import org.emoaudionet.workflows.activity.CrossValidationStats;
import org.emoaudionet.workflows.activity.CrossValidationSummary;
import org.emoaudionet.workflows.activity.DatasetRef;
import org.emoaudionet.workflows.activity.DownloadActivity;
import org.emoaudionet.workflows.activity.DownloadInput;
import org.emoaudionet.workflows.activity.EndRunInput;
import org.emoaudionet.workflows.activity.EvaluateActivity;
import org.emoaudionet.workflows.activity.EvaluateInput;
import org.emoaudionet.workflows.activity.EvaluateOutput;
import org.emoaudionet.workflows.activity.FeaturesRef;
import org.emoaudionet.workflows.activity.ImportModelActivity;
import org.emoaudionet.workflows.activity.ImportModelInput;
import org.emoaudionet.workflows.activity.PreprocessActivity;
import org.emoaudionet.workflows.activity.PreprocessInput;
import org.emoaudionet.workflows.activity.PreprocessShardInput;
import org.emoaudionet.workflows.activity.PromoteActivity;
import org.emoaudionet.workflows.activity.PromoteInput;
import org.emoaudionet.workflows.activity.PromoteOutput;
import org.emoaudionet.workflows.activity.RegisterActivity;
import org.emoaudionet.workflows.activity.RegisterInput;
import org.emoaudionet.workflows.activity.RegisterOutput;
import org.emoaudionet.workflows.activity.S3Keys;
import org.emoaudionet.workflows.activity.JoinShardsInput;
import org.emoaudionet.workflows.activity.ShardPlan;
import org.emoaudionet.workflows.activity.ShardPlanInput;
import org.emoaudionet.workflows.activity.ShardRef;
import org.emoaudionet.workflows.activity.ShardedPreprocessActivities;
import org.emoaudionet.workflows.activity.StartRunInput;
import org.emoaudionet.workflows.activity.TrackingActivities;
import org.emoaudionet.workflows.activity.TrackingRun;
import org.emoaudionet.workflows.activity.TrainActivity;
import org.emoaudionet.workflows.activity.TrainInput;
import org.emoaudionet.workflows.activity.TrainOutput;
import org.emoaudionet.workflows.conf.RunConf;
import org.emoaudionet.workflows.conf.Sharding;
import org.emoaudionet.workflows.dag.ChampionPolicy;
import org.emoaudionet.workflows.dag.DagDefinition;
import org.slf4j.Logger;

/**
 * The paper's pipeline as one workflow: download → preprocess → augment → train → evaluate →
 * register → promote (with {@code conf.import_model}, train imports that model and augment is
 * skipped), with an MLflow run opened before the first task and closed after the last, whatever
 * happened.
 *
 * <p>With {@code conf.folds = K} the run is a speaker-independent K-fold cross-validation: it
 * stores the data set once ({@code download}), runs the K folds as parallel child workflows (this
 * same pipeline with {@code conf.fold = i}, shown as its {@code train} task), and its
 * {@code evaluate} task logs the mean and spread over the folds to its MLflow run, the parent of
 * the folds' runs. Nothing is registered or promoted: a cross-validation is an evaluation, and so
 * is each fold. Deterministic: no clocks, randomness or I/O but through Temporal, so a change of the
 * task sequence later must go behind {@link Workflow#getVersion}.
 */
public class EmoPipelineWorkflowImpl implements EmoPipelineWorkflow {
  private static final Logger log = Workflow.getLogger(EmoPipelineWorkflowImpl.class);

  private final TaskBoard board = new TaskBoard(DagDefinition.TASK_IDS);

  private final TrackingActivities tracking =
      Workflow.newActivityStub(TrackingActivities.class, ActivityPlans.TRACKING);
  private final DownloadActivity download =
      Workflow.newActivityStub(DownloadActivity.class, ActivityPlans.DOWNLOAD);
  private final PreprocessActivity preprocess =
      Workflow.newActivityStub(PreprocessActivity.class, ActivityPlans.PREPROCESS);
  private final ShardedPreprocessActivities shardPlan =
      Workflow.newActivityStub(ShardedPreprocessActivities.class, ActivityPlans.SHARD_PLAN);
  private final ShardedPreprocessActivities shardPrepare =
      Workflow.newActivityStub(ShardedPreprocessActivities.class, ActivityPlans.PREPROCESS_SHARD);
  private final ShardedPreprocessActivities shardJoin =
      Workflow.newActivityStub(ShardedPreprocessActivities.class, ActivityPlans.SHARD_JOIN);
  private final AugmentActivity augment =
      Workflow.newActivityStub(AugmentActivity.class, ActivityPlans.AUGMENT);
  private final TrainActivity train =
      Workflow.newActivityStub(TrainActivity.class, ActivityPlans.TRAIN);
  private final ImportModelActivity importModel =
      Workflow.newActivityStub(ImportModelActivity.class, ActivityPlans.IMPORT_MODEL);
  private final EvaluateActivity evaluate =
      Workflow.newActivityStub(EvaluateActivity.class, ActivityPlans.EVALUATE);
  private final RegisterActivity register =
      Workflow.newActivityStub(RegisterActivity.class, ActivityPlans.REGISTER);
  private final PromoteActivity promote =
      Workflow.newActivityStub(PromoteActivity.class, ActivityPlans.PROMOTE);
  private final CrossValidationActivity crossValidation =
      Workflow.newActivityStub(CrossValidationActivity.class, ActivityPlans.CROSS_VALIDATION);

  @Override
  public List<TaskState> tasks() {
    return board.snapshot();
  }

  @Override
  public PipelineResult run(PipelineRequest request) {
    String dag = request.dagId();
    String run = request.dagRunId();
    RunConf conf = request.conf();
    boolean participantLevel = request.participantLevel();
    // A task-level clear: the tasks it did not clear show their earlier results at once.
    // No Workflow.getVersion needed: histories recorded before reuse existed have it null.
    ReusedResults reuse = conf.crossValidates() ? null : request.reuse();
    board.restore(reuse);

    TrackingRun mlflow;
    try {
      // the memo is part of the run's start event, so reading it replays deterministically
      mlflow = tracking.startRun(new StartRunInput(dag, run, Workflow.getInfo().getWorkflowId(),
          conf, request.parent() == null ? null : request.parent().mlflowRunId(),
          memo(RunMemo.TRIGGERING_USER), memo(RunMemo.NOTE)));
    } catch (ActivityFailure f) {
      String why = "not run: the MLflow run could not be opened: " + rootMessage(f);
      board.markNotStarted("upstream_failed", why);
      throw ApplicationFailure.newNonRetryableFailure(why, "TrackingFailed");
    }

    String status = "FAILED";
    Map<String, String> endTags = new LinkedHashMap<>();
    try {
      // No Workflow.getVersion needed for the cross-validation branches either: they depend on
      // the run's input only, and histories recorded before folds existed have none.
      if (conf.crossValidates()) {
        endTags.put("emo.cv.folds", String.valueOf(conf.folds()));
        PipelineResult cv = crossValidate(request, mlflow, endTags);
        status = "FINISHED";
        return cv;
      }
      CrossValidationParent parent = request.parent();
      DatasetRef dataset;
      if (parent != null && parent.dataset() != null) {
        dataset = parent.dataset();
        board.skip("download", "skipped: fold " + conf.fold() + " of " + conf.folds()
            + " reads the data set its cross-validation run " + parent.dagRunId() + " stored: "
            + dataset.uri());
      } else {
        dataset = keptOr(reuse, "download", DatasetRef.class, () -> board.run("download",
            ActivityPlans.DOWNLOAD, () -> download.download(
                new DownloadInput(dag, run, conf.datasetUri(), conf.checksum()))));
      }

      // No Workflow.getVersion needed: sharding is the run's own input, absent from histories
      // recorded before it existed.
      FeaturesRef prepared = keptOr(reuse, "preprocess", FeaturesRef.class, () -> conf.sharded()
          ? preprocessSharded(dag, run, conf, dataset)
          : board.run("preprocess", ActivityPlans.PREPROCESS, () -> preprocess.preprocess(
              new PreprocessInput(dag, run, conf, dataset))));

      FeaturesRef features = prepared;
      if (conf.imports()) {
        // augmented copies only ever feed training, and an imported model is not trained here
        board.skip("augment", "skipped: the model is imported");
      } else if (conf.augment() && conf.sharded()) {
        board.skip("augment", "skipped here: a sharded run augments within each shard in"
            + " preprocess (the copies of every recording beside it; training reads those whose"
            + " original is TRAIN)");
      } else if (conf.augment()) {
        features = keptOr(reuse, "augment", FeaturesRef.class, () -> board.run("augment",
            ActivityPlans.AUGMENT, () -> augment.augment(
                new AugmentInput(dag, run, conf, dataset, prepared))));
      } else {
        board.skip("augment", "skipped: conf.augment is false");
      }

      FeaturesRef trainingSet = features;
      // No Workflow.getVersion needed: the branch depends on the run's own input only, and a
      // history recorded before import_model existed has no such conf, so it replays as before.
      TrainOutput trained;
      if (conf.imports()) {
        trained = keptOr(reuse, "train", TrainOutput.class, () -> board.run("train",
            ActivityPlans.IMPORT_MODEL, () -> importModel.importModel(
                new ImportModelInput(dag, run, conf, trainingSet, mlflow.runId()))));
      } else {
        String pretrained = S3Keys.pretrainedModel(conf.pretrainedFrom());
        trained = keptOr(reuse, "train", TrainOutput.class, () -> board.run("train",
            ActivityPlans.TRAIN, () -> train.train(
                new TrainInput(dag, run, conf, trainingSet, pretrained, mlflow.runId()))));
      }

      EvaluateOutput scores = keptOr(reuse, "evaluate", EvaluateOutput.class, () -> board.run(
          "evaluate", ActivityPlans.EVALUATE, () -> evaluate.evaluate(
              new EvaluateInput(dag, run, conf, trainingSet, trained, participantLevel,
                  mlflow.runId()))));

      if (conf.foldOfCrossValidation()) {
        String why = "skipped: fold " + conf.fold() + " of " + conf.folds() + " of a"
            + " cross-validation run, which is an evaluation: no model is registered or promoted";
        board.skip("register", why);
        board.skip("promote", why);
        status = "FINISHED";
        endTags.put("emo.model_uri", trained.modelUri());
        endTags.put("emo.metrics_uri", scores.metricsUri());
        return new PipelineResult(scores.metrics(), trained.modelUri(), scores.metricsUri(),
            mlflow.runId(), null, null, false, null);
      }

      RegisterOutput version = keptOr(reuse, "register", RegisterOutput.class, () -> board.run(
          "register", ActivityPlans.REGISTER, () -> register.register(
              new RegisterInput(dag, run, mlflow.runId(), trained.modelKey()))));

      // promote came after runs were already in flight: a history recorded before it replays
      // without the task (no marker → DEFAULT_VERSION) instead of failing as non-deterministic.
      int promoteVersion = Workflow.getVersion("promote-task", Workflow.DEFAULT_VERSION, 1);
      PromoteOutput decision = null;
      if (promoteVersion == Workflow.DEFAULT_VERSION) {
        board.skip("promote", "skipped: this run started before the promote task existed");
      } else {
        ChampionPolicy policy = request.champion() != null ? request.champion()
            : ChampionPolicy.defaultFor(conf.task());
        // on the GPU queue: it re-scores the current champion on this run's test set, which is
        // inference like evaluate, and must see the same test split evaluate scored
        decision = keptOr(reuse, "promote", PromoteOutput.class, () -> board.run("promote",
            ActivityPlans.PROMOTE, () -> promote.promote(
                new PromoteInput(dag, run, conf, trainingSet, participantLevel,
                    trained.modelKey(), version.name(), version.version(), scores.metrics(),
                    policy, mlflow.runId()))));
      }

      status = "FINISHED";
      endTags.put("emo.model_uri", trained.modelUri());
      endTags.put("emo.metrics_uri", scores.metricsUri());
      boolean champion = decision != null
          && version.version().equals(decision.championVersion());
      String decided = decision == null ? null : decision.decision() + ": " + decision.reason();
      return new PipelineResult(scores.metrics(), trained.modelUri(), scores.metricsUri(),
          mlflow.runId(), version.name(), version.version(), champion, decided);
    } catch (TaskBoard.TaskFailed f) {
      endTags.put("emo.failed_task", f.taskId);
      endTags.put("emo.error", truncate(f.getMessage(), 4000));
      throw ApplicationFailure.newNonRetryableFailure(
          "task " + f.taskId + " failed: " + f.getMessage(), "TaskFailed");
    } catch (CanceledFailure c) {
      status = "KILLED";
      throw c;
    } catch (IllegalArgumentException bad) {
      // conf.pretrained_from malformed: the run cannot proceed, and retrying will not help
      endTags.put("emo.error", truncate(bad.getMessage(), 4000));
      board.markNotStarted("upstream_failed", "not run: " + bad.getMessage());
      throw ApplicationFailure.newNonRetryableFailure(bad.getMessage(), "BadInput");
    } finally {
      closeRun(mlflow.runId(), status, endTags);
    }
  }

  /**
   * The cross-validation parent: the data set stored once, the K folds as parallel child
   * workflows (the {@code train} task: its log has a line per fold as each ends), their figures'
   * mean and std logged to this run's MLflow run (the {@code evaluate} task). The first fold that
   * fails stops the others and fails the run, naming the fold.
   */
  private PipelineResult crossValidate(PipelineRequest request, TrackingRun mlflow,
      Map<String, String> endTags) {
    String dag = request.dagId();
    String run = request.dagRunId();
    RunConf conf = request.conf();
    int k = conf.folds();
    DatasetRef dataset = board.run("download", ActivityPlans.DOWNLOAD, () -> download.download(
        new DownloadInput(dag, run, conf.datasetUri(), conf.checksum())));
    String children = PipelineRequest.foldWorkflowId(dag, run, 0) + " .. "
        + PipelineRequest.foldWorkflowId(dag, run, k - 1);
    board.skip("preprocess", "skipped here: each fold preprocesses in its own child workflow ("
        + children + "), since the fold decides the split");
    board.skip("augment", "skipped here: each fold augments its own training speakers in its"
        + " child workflow");

    board.start("train", "cross-validation: " + k + " speaker-independent folds as parallel"
        + " child workflows on task queue " + TaskQueues.CPU + " (each trains on "
        + TaskQueues.GPU + " and scores its own test speakers); MLflow parent run "
        + mlflow.runId());
    List<Promise<PipelineResult>> results = new ArrayList<>();
    Map<Integer, Throwable> failures = new TreeMap<>();
    List<Integer> failedInOrder = new ArrayList<>();
    CancellationScope folds = Workflow.newCancellationScope(() -> {
      for (int i = 0; i < k; i++) {
        int fold = i;
        String workflowId = PipelineRequest.foldWorkflowId(dag, run, i);
        ChildWorkflowOptions options = ChildWorkflowOptions.newBuilder()
            .setWorkflowId(workflowId)
            .setTaskQueue(TaskQueues.CPU)
            // a stopped or failed parent stops its folds (their MLflow runs close KILLED)
            .setParentClosePolicy(ParentClosePolicy.PARENT_CLOSE_POLICY_REQUEST_CANCEL)
            // a cleared parent runs its folds again under the same ids
            .setWorkflowIdReusePolicy(WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE)
            .build();
        EmoPipelineWorkflow child = Workflow.newChildWorkflowStub(EmoPipelineWorkflow.class, options);
        Promise<PipelineResult> p =
            Async.function(child::run, request.forFold(i, mlflow.runId(), dataset));
        board.say("train", "fold " + i + ": started " + workflowId);
        p.handle((r, e) -> {
          if (e == null) {
            board.say("train", "fold " + fold + ": success, MLflow run " + r.mlflowRunId()
                + ", test metrics " + new TreeMap<>(r.metrics()));
          } else if (isCancellation(e)) {
            board.say("train", "fold " + fold + ": cancelled");
          } else {
            failures.put(fold, e);
            failedInOrder.add(fold);
            board.say("train", "fold " + fold + ": failed: " + childMessage(e));
          }
          return null;
        });
        results.add(p);
      }
    });
    folds.run();

    try {
      Promise.allOf(results).get();
    } catch (RuntimeException e) {
      if (CancellationScope.current().isCancelRequested()) {
        board.cancelled("train");
        throw e instanceof CanceledFailure c ? c : new CanceledFailure("the DAG run was stopped");
      }
      // stop the folds still running, and wait until they closed so their states are final
      folds.cancel("another fold failed");
      Workflow.await(() -> results.stream().allMatch(Promise::isCompleted));
      int bad = !failedInOrder.isEmpty() ? failedInOrder.get(0)
          : failures.isEmpty() ? -1 : failures.keySet().iterator().next();
      String why = bad < 0 ? "a fold failed: " + childMessage(e)
          : "fold " + bad + " of " + k + " (" + PipelineRequest.foldWorkflowId(dag, run, bad)
              + ") failed: " + childMessage(failures.get(bad));
      endTags.put("emo.cv.failed_fold", String.valueOf(bad));
      throw board.fail("train", why, e);
    }
    board.succeed("train");

    List<CrossValidationInput.FoldResult> foldResults = new ArrayList<>();
    List<Map<String, Double>> perFold = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      PipelineResult r = results.get(i).get();
      foldResults.add(new CrossValidationInput.FoldResult(i,
          PipelineRequest.foldWorkflowId(dag, run, i), PipelineRequest.foldRunId(run, i),
          r.mlflowRunId(), r.metricsUri(), r.metrics()));
      perFold.add(r.metrics());
    }
    Map<String, Double> stats = CrossValidationStats.summarize(perFold);
    CrossValidationSummary summary = board.run("evaluate", ActivityPlans.CROSS_VALIDATION, () ->
        crossValidation.summarize(new CrossValidationInput(dag, run, mlflow.runId(), foldResults,
            stats)));
    String why = "skipped: a cross-validation run (" + k + " folds) is an evaluation: no model is"
        + " registered or promoted";
    board.skip("register", why);
    board.skip("promote", why);
    endTags.put("emo.cv.summary_uri", summary.summaryUri());
    return new PipelineResult(summary.metrics(), null, summary.summaryUri(), mlflow.runId(), null,
        null, false, null);
  }

  /**
   * The {@code preprocess} task of a sharded run: plan the shards, prepare them as parallel
   * activities on the CPU queue (at most {@code conf.shard_parallelism} in flight, so a big data
   * set does not flood the workers' slots; any worker takes any shard), then join them into one
   * data set index. The task log says each shard as it ends, as {@code shard i/n}; after the first
   * shard that fails no new one starts, and the task fails naming it once those running ended.
   */
  private FeaturesRef preprocessSharded(String dag, String run, RunConf conf, DatasetRef dataset) {
    Sharding sharding = conf.sharding();
    board.start("preprocess", "sharded: " + sharding.recordingsPerShard() + " recordings per"
        + " shard, up to " + sharding.parallelism() + " shards at a time on task queue "
        + ActivityPlans.PREPROCESS_SHARD.getTaskQueue());
    String step = "plan";
    try {
      ShardPlan plan = shardPlan.plan(new ShardPlanInput(dag, run, conf, dataset));
      board.say("preprocess", plan.log());
      int n = plan.shards().size();
      ShardRef[] done = new ShardRef[n];
      Map<Integer, Promise<ShardRef>> inFlight = new TreeMap<>();
      int next = 0;
      int finished = 0;
      int hits = 0;
      long segments = 0;
      step = "shards";
      while (finished < n) {
        while (inFlight.size() < sharding.parallelism() && next < n) {
          int i = next++;
          PreprocessShardInput in = new PreprocessShardInput(dag, run, conf, dataset,
              plan.shards().get(i), n);
          inFlight.put(i, Async.function(shardPrepare::preprocessShard, in));
        }
        try {
          Promise.anyOf(inFlight.values()).get();
        } catch (ActivityFailure ended) {
          // one ended failed: found below, in plan order with any other that ended meanwhile
        }
        // several may have ended since the last look: the first failed one in plan order counts
        for (var e : inFlight.entrySet()) {
          RuntimeException failure = e.getValue().isCompleted() ? e.getValue().getFailure() : null;
          if (failure == null) continue;
          int bad = e.getKey();
          // no new shard starts; those running finish (their shards land in the cache, so the
          // re-run after the fix does not prepare them again), then the task fails
          board.say("preprocess", "shard " + (bad + 1) + "/" + n + " failed: waiting for the "
              + (inFlight.size() - 1) + " shards still running");
          for (Promise<ShardRef> p : inFlight.values()) {
            try {
              p.get();
            } catch (ActivityFailure also) {
              // reported with the first failure's task; each shard's own log says why
            }
          }
          throw board.fail("preprocess", "shard " + (bad + 1) + "/" + n + " failed: "
              + rootMessage(failure), failure);
        }
        for (var it = inFlight.entrySet().iterator(); it.hasNext(); ) {
          var e = it.next();
          if (!e.getValue().isCompleted()) continue;
          ShardRef r = e.getValue().get();
          it.remove();
          done[e.getKey()] = r;
          finished++;
          segments += r.segments();
          if (r.cacheHit()) hits++;
          board.say("preprocess", "shard " + (e.getKey() + 1) + "/" + n + (r.cacheHit()
              ? ": cache hit, " : ": prepared, ") + r.segments() + " segments"
              + (r.rejected().isEmpty() ? "" : ", " + r.rejected().size() + " recordings unusable")
              + " (" + finished + "/" + n + " shards done)");
        }
      }
      board.say("preprocess", n + " shards, " + hits + " from the cache, " + (n - hits)
          + " prepared; " + segments + " segments");
      step = "join";
      FeaturesRef joined = shardJoin.join(new JoinShardsInput(dag, run, conf, List.of(done)));
      board.say("preprocess", joined.log());
      board.succeed("preprocess", joined);
      return joined;
    } catch (ActivityFailure f) {
      throw board.fail("preprocess", step + " failed: " + rootMessage(f), f);
    } catch (CanceledFailure c) {
      board.cancelled("preprocess");
      throw c;
    }
  }

  /**
   * The result a task-level clear kept for {@code taskId} (the task is not run again), else what
   * running it gives.
   */
  private <T> T keptOr(ReusedResults reuse, String taskId, Class<T> type,
      java.util.function.Supplier<T> run) {
    if (reuse != null && board.kept(taskId)) {
      T out = reuse.output(taskId, type);
      if (out != null) return out;
    }
    return run.get();
  }

  /** A string of the run's memo (what the API wrote when it started the run), null if absent. */
  private static String memo(String key) {
    return Workflow.getMemo(key, String.class, String.class);
  }

  private static boolean isCancellation(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof CanceledFailure) return true;
    }
    return false;
  }

  /** A child run's failure as its own words: {@code task train failed: ...}. */
  private static String childMessage(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof ApplicationFailure af) return af.getOriginalMessage();
      if (c instanceof TimeoutFailure tf) return "timed out (" + tf.getTimeoutType() + ")";
    }
    return t == null ? "unknown failure" : t.getMessage();
  }

  /** Closes the MLflow run even when the workflow was cancelled (detached scope). */
  private void closeRun(String runId, String status, Map<String, String> tags) {
    EndRunInput end = new EndRunInput(runId, status, tags);
    Workflow.newDetachedCancellationScope(() -> {
      try {
        tracking.endRun(end);
      } catch (ActivityFailure f) {
        log.warn("MLflow run {} could not be closed as {}: {}", runId, status, rootMessage(f));
      }
    }).run();
  }

  private static String rootMessage(Throwable t) {
    Throwable c = t;
    while (c.getCause() != null) c = c.getCause();
    return c instanceof ApplicationFailure af ? af.getOriginalMessage() : c.getMessage();
  }

  private static String truncate(String s, int max) {
    return s == null ? "" : s.length() <= max ? s : s.substring(0, max);
  }
}
