package org.emoaudionet.worker;

import ai.djl.engine.Engine;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.emoaudionet.config.PipelineConfig;
import org.emoaudionet.data.Split;
import org.emoaudionet.features.FeatureSource;
import org.emoaudionet.spec.Architecture;
import org.emoaudionet.train.EpochMetrics;
import org.emoaudionet.train.TrainResult;
import org.emoaudionet.train.Trainer;
import org.emoaudionet.train.TrainingListener;
import org.emoaudionet.workflows.activity.EpochSummary;
import org.emoaudionet.workflows.activity.S3Keys;
import org.emoaudionet.workflows.activity.TrainActivity;
import org.emoaudionet.workflows.activity.TrainInput;
import org.emoaudionet.workflows.activity.TrainOutput;
import org.emoaudionet.workflows.activity.TrainProgress;

/**
 * Trains, heartbeating {@link TrainProgress} on every step and uploading
 * {@code outDir/checkpoints/} after every epoch; a retry (after a crash, on any worker) first
 * restores that checkpoint so the Trainer resumes from it.
 */
public final class TrainActivityImpl implements TrainActivity {
  private final WorkerContext ctx;

  public TrainActivityImpl(WorkerContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public TrainOutput train(TrainInput in) {
    return WorkerContext.guarded(() -> {
      ActivityExecutionContext ac = Activity.getExecutionContext();
      int attempt = ac.getInfo().getAttempt();
      TaskLog log = new TaskLog("train", in.dagId(), in.dagRunId(), attempt);
      PipelineConfig config = Configs.pipelineConfig(in.conf());
      Architecture arch = Architecture.parse(in.conf().arch());
      Path outDir = ctx.scratch(in.dagId(), in.dagRunId(), "train");
      String ckKey = S3Keys.checkpoint(in.dagId(), in.dagRunId());

      TrainProgress start = new TrainProgress(0, 0, -1.0, null);
      if (attempt > 1) start = restore(ac, ckKey, outDir, log);

      Path pretrained = null;
      if (in.pretrainedModelKey() != null) {
        if (!ctx.store.exists(in.pretrainedModelKey())) {
          throw new IllegalArgumentException("conf.pretrained_from '" + in.conf().pretrainedFrom()
              + "': no model at " + ctx.store.uri(in.pretrainedModelKey()));
        }
        pretrained = outDir.resolve("pretrained");
        ctx.store.getDir(in.pretrainedModelKey(), pretrained);
        log.say("fine-tuning from " + ctx.store.uri(in.pretrainedModelKey()));
      }

      FeatureSource<?> data = ctx.source(in.features(), in.conf(), log);
      log.say("training " + arch.wireName() + " (" + config.preset() + " preset, up to "
          + config.train().maxEpochs() + " epochs) on " + data.labels().size() + " segments");
      logInputs(in, data, log);
      SystemMetrics sampler = new SystemMetrics(ctx.config.workDir(),
          Engine.getInstance().getGpuCount());
      TrainResult result;
      String modelKey = S3Keys.model(in.dagId(), in.dagRunId());
      // closed before the output is made, so that the task log has the monitor's last line
      try (Heartbeater hb = new Heartbeater(ac, start);
          SystemMetricsMonitor system = SystemMetricsMonitor.start(ctx.mlflow, in.mlflowRunId(),
              sampler, ctx.config.systemMetricsInterval(), log)) {
        Listener listener = new Listener(hb, start, ckKey, outDir, in.mlflowRunId(), log);
        result = Trainer.trainOn(data, config, arch, outDir, pretrained, listener);
        if (result.resumedFromEpoch() > 0) log.say("resumed after epoch " + result.resumedFromEpoch());
        ctx.store.putDir(modelKey, result.modelDir());
        log.say("best epoch " + result.bestEpoch() + ", validation accuracy "
            + result.bestValAccuracy() + "; model stored as " + ctx.store.uri(modelKey));
        if (in.mlflowRunId() != null) {
          try {
            // the same tag an imported model gets, so every run says what its model is
            ctx.mlflow.setTags(in.mlflowRunId(), Map.of(RunTags.MODEL_FORMAT,
                RunTags.EMOAUDIONET));
            new ModelLogger(ctx.mlflow).log(in.mlflowRunId(), result.modelDir(), data, outDir,
                Map.of(RunTags.MODEL_URI, ctx.store.uri(modelKey)), log);
          } catch (IOException | RuntimeException e) {
            // the model is safe in S3; register logs it from there if MLflow still lacks it
            log.say("model not logged to MLflow: " + e.getMessage());
          }
        }
      }
      List<EpochSummary> history = new ArrayList<>();
      for (EpochMetrics m : result.history()) history.add(EpochSummaries.of(m));
      return new TrainOutput(modelKey, ctx.store.uri(modelKey), history, result.bestEpoch(),
          result.bestValAccuracy(), result.resumedFromEpoch(), log.text(), attempt);
    });
  }

  /**
   * The splits training reads as the run's dataset inputs (training, validation); evaluate adds
   * the test split. Best effort, as all tracking here: a run that trains is worth more than its
   * bookkeeping.
   */
  private void logInputs(TrainInput in, FeatureSource<?> data, TaskLog log) {
    if (in.mlflowRunId() == null) return;
    try {
      ctx.mlflow.logInputs(in.mlflowRunId(), RunDatasets.inputs(data, in.features(),
          in.conf().datasetUri(), Split.TRAIN, Split.VAL));
    } catch (IOException | RuntimeException e) {
      log.say("MLflow dataset inputs not logged: " + e.getMessage());
    }
  }

  /** The last checkpoint, named by the previous attempt's heartbeat or simply found in S3. */
  private TrainProgress restore(ActivityExecutionContext ac, String ckKey, Path outDir,
      TaskLog log) throws IOException {
    Optional<TrainProgress> last = ac.getHeartbeatDetails(TrainProgress.class);
    if (ctx.store.exists(ckKey)) {
      ctx.store.getDir(ckKey, outDir.resolve("checkpoints"));
      String bestKey = bestModelKey(ckKey);
      if (ctx.store.exists(bestKey)) ctx.store.getDir(bestKey, outDir.resolve("model"));
      TrainProgress p = last.orElse(new TrainProgress(0, 0, -1.0, ctx.store.uri(ckKey)));
      log.say("retry: restored checkpoint " + ctx.store.uri(ckKey)
          + (last.isPresent() ? " (last heartbeat: epoch " + p.epoch() + ", step " + p.step() + ")" : ""));
      return new TrainProgress(p.epoch(), 0, p.bestMetric(), ctx.store.uri(ckKey));
    }
    log.say("retry: no checkpoint stored yet, training from the start");
    return new TrainProgress(0, 0, -1.0, null);
  }

  /** {@code .../checkpoints/best-model.tar.gz} next to {@code .../checkpoints/latest.tar.gz}. */
  static String bestModelKey(String checkpointKey) {
    return checkpointKey.substring(0, checkpointKey.lastIndexOf('/') + 1) + "best-model.tar.gz";
  }

  private final class Listener implements TrainingListener {
    private final Heartbeater hb;
    private final String ckKey;
    private final Path outDir;
    private final String runId;
    private final TaskLog log;
    private volatile int epoch;
    private volatile double best;
    private volatile String checkpointUri;
    private volatile boolean bestChanged;

    Listener(Heartbeater hb, TrainProgress start, String ckKey, Path outDir, String runId,
        TaskLog log) {
      this.hb = hb;
      this.ckKey = ckKey;
      this.outDir = outDir;
      this.runId = runId;
      this.log = log;
      this.epoch = start.epoch();
      this.best = start.bestMetric();
      this.checkpointUri = start.checkpointUri();
    }

    @Override
    public void onStep(int epoch, int step, int stepsPerEpoch, double loss) {
      this.epoch = epoch;
      hb.update(new TrainProgress(epoch, step, best, checkpointUri));
    }

    @Override
    public void onEpoch(EpochMetrics m) {
      epoch = m.epoch();
      if (m.valAccuracy() > best) best = m.valAccuracy();
      if (m.improved()) bestChanged = true;
      log.say(String.format("epoch %d: train loss %.4f acc %.4f, val loss %.4f acc %.4f, lr %.2e",
          m.epoch(), m.trainLoss(), m.trainAccuracy(), m.valLoss(), m.valAccuracy(),
          m.learningRate()));
      if (runId != null) {
        Map<String, Double> ms = new LinkedHashMap<>();
        ms.put("train_loss", m.trainLoss());
        ms.put("train_accuracy", m.trainAccuracy());
        ms.put("val_loss", m.valLoss());
        ms.put("val_accuracy", m.valAccuracy());
        ms.put("learning_rate", m.learningRate());
        try {
          ctx.mlflow.logMetrics(runId, ms, m.epoch());
        } catch (RuntimeException e) {
          // tracking trouble must not cost a training run
          log.say("MLflow metrics of epoch " + m.epoch() + " not logged: " + e.getMessage());
        }
      }
    }

    @Override
    public void onCheckpoint(int epoch, Path dir) {
      try {
        Path checkpoints = outDir.resolve("checkpoints");
        // the best model first: a checkpoint must never point past a best model S3 lacks
        Path model = outDir.resolve("model");
        if (bestChanged && Files.isDirectory(model)) {
          ctx.store.putDir(bestModelKey(ckKey), model);
          bestChanged = false;
        }
        ctx.store.putDir(ckKey, Files.isDirectory(checkpoints) ? checkpoints : dir);
      } catch (IOException e) {
        throw new UncheckedIOException("checkpoint of epoch " + epoch + " not uploaded", e);
      }
      checkpointUri = ctx.store.uri(ckKey);
      log.say("checkpoint of epoch " + epoch + " stored as " + checkpointUri);
      hb.update(new TrainProgress(epoch, 0, best, checkpointUri));
    }
  }
}
