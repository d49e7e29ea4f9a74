package org.emoaudionet.workflows;

import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.workflow.Workflow;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;

/**
 * The paper's pipeline as one workflow: download → preprocess → augment → train → evaluate →
 * register → promote (with {@code conf.import_model}, train imports that model and augment is
 * skipped), with an MLflow run opened before the first task and closed after the last, whatever
 * happened. Deterministic: no clocks, randomness or I/O but through Temporal, so a change of the
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

    TrackingRun mlflow;
    try {
      mlflow = tracking.startRun(
          new StartRunInput(dag, run, Workflow.getInfo().getWorkflowId(), conf));
    } catch (ActivityFailure f) {
      String why = "not run: the MLflow run could not be opened: " + rootMessage(f);
      board.markNotStarted("upstream_failed", why);
      throw ApplicationFailure.newNonRetryableFailure(why, "TrackingFailed");
    }

    String status = "FAILED";
    Map<String, String> endTags = new LinkedHashMap<>();
    try {
      DatasetRef dataset = board.run("download", TaskQueues.CPU, () -> download.download(
          new DownloadInput(dag, run, conf.datasetUri(), conf.checksum())));

      FeaturesRef prepared = board.run("preprocess", TaskQueues.CPU, () -> preprocess.preprocess(
          new PreprocessInput(dag, run, conf, dataset)));

      FeaturesRef features = prepared;
      if (conf.imports()) {
        // augmented copies only ever feed training, and an imported model is not trained here
        board.skip("augment", "skipped: the model is imported");
      } else if (conf.augment()) {
        features = board.run("augment", TaskQueues.CPU, () -> augment.augment(
            new AugmentInput(dag, run, conf, dataset, prepared)));
      } else {
        board.skip("augment", "skipped: conf.augment is false");
      }

      FeaturesRef trainingSet = features;
      // No Workflow.getVersion needed: the branch depends on the run's own input only, and a
      // history recorded before import_model existed has no such conf, so it replays as before.
      TrainOutput trained;
      if (conf.imports()) {
        trained = board.run("train", TaskQueues.GPU, () -> importModel.importModel(
            new ImportModelInput(dag, run, conf, trainingSet, mlflow.runId())));
      } else {
        String pretrained = S3Keys.pretrainedModel(conf.pretrainedFrom());
        trained = board.run("train", TaskQueues.GPU, () -> train.train(
            new TrainInput(dag, run, conf, trainingSet, pretrained, mlflow.runId())));
      }

      EvaluateOutput scores = board.run("evaluate", TaskQueues.GPU, () -> evaluate.evaluate(
          new EvaluateInput(dag, run, conf, trainingSet, trained, participantLevel,
              mlflow.runId())));

      RegisterOutput version = board.run("register", TaskQueues.CPU, () -> register.register(
          new RegisterInput(dag, run, mlflow.runId(), trained.modelKey())));

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
        decision = board.run("promote", TaskQueues.GPU, () -> promote.promote(
            new PromoteInput(dag, run, conf, trainingSet, participantLevel, trained.modelKey(),
                version.name(), version.version(), scores.metrics(), policy,
                mlflow.runId())));
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
