package org.emoaudionet.train;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.emoaudionet.config.PipelineConfig;
import org.emoaudionet.data.Split;
import org.emoaudionet.features.FeatureSet;
import org.emoaudionet.features.FeatureSource;
import org.emoaudionet.features.SegmentLabels;
import org.emoaudionet.features.SegmentFeatures;
import org.emoaudionet.model.AtomicDirectory;
import org.emoaudionet.model.ChannelsLastTraining;
import org.emoaudionet.model.Devices;
import org.emoaudionet.model.EmoAudioNetBlock;
import org.emoaudionet.model.EmoAudioNetFactory;
import org.emoaudionet.model.MfccScaling;
import org.emoaudionet.model.ModelManifest;
import org.emoaudionet.model.ModelSummary;
import org.emoaudionet.model.ParameterFile;
import org.emoaudionet.model.TrainedModel;
import org.emoaudionet.spec.Architecture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Trains an EmoAudioNet network on the TRAIN split, selecting on VAL. */
public final class Trainer {
  private static final Logger LOG = LoggerFactory.getLogger(Trainer.class);
  public static final String CHECKPOINTS = "checkpoints";
  public static final String MODEL = "model";

  private Trainer() {}

  /**
   * Trains into {@code outDir}: {@code outDir/checkpoints/} (state after each epoch, resumed from
   * when present) and {@code outDir/model/} (the best model, see {@code TrainedModel.load}).
   *
   * <p>Reproducible: the weights are initialised from the engine seeded with {@code train.seed};
   * epoch {@code e} shuffles with {@code new Random(seed + e)} and reseeds the engine (dropout)
   * with {@code seed + e}, so a run resumed from the checkpoint of epoch k continues exactly as an
   * uninterrupted one (same machine, same thread count).
   *
   * @param pretrainedModelDir a model directory whose layers, all but the final Linear, initialise
   *     this one (transfer); null trains from scratch
   */
  public static TrainResult train(FeatureSet data, PipelineConfig config, Architecture arch,
      Path outDir, Path pretrainedModelDir, TrainingListener listener) throws IOException {
    return trainOn(data, config, arch, outDir, pretrainedModelDir, listener);
  }

  /**
   * The same over any source: a {@link FeatureSet} in memory, or shards streamed with a bounded
   * shuffle buffer ({@link org.emoaudionet.features.shards.ShardedFeatures}). Only the labels of
   * every segment are held; inputs are read batch by batch.
   */
  public static <L extends SegmentLabels> TrainResult trainOn(FeatureSource<L> data,
      PipelineConfig config, Architecture arch, Path outDir, Path pretrainedModelDir,
      TrainingListener listener) throws IOException {
    if (listener == null) listener = TrainingListener.NONE;
    PipelineConfig.TrainConfig tc = config.train();
    LossFunction lossFunction = LossFunction.parse(tc.loss());
    if (tc.batchSize() < 1) throw new IllegalArgumentException("train.batchSize must be >= 1, got " + tc.batchSize());
    if (tc.maxEpochs() < 1) throw new IllegalArgumentException("train.maxEpochs must be >= 1, got " + tc.maxEpochs());
    if (data.imageSize() != config.model().imageSize()) {
      throw new IllegalArgumentException("feature set has " + data.imageSize() + "x" + data.imageSize()
          + " images but model.imageSize is " + config.model().imageSize()
          + " (preset '" + config.preset() + "'): preprocess with the same preset");
    }
    List<L> train = data.labelsOf(Split.TRAIN);
    List<L> val = data.labelsOf(Split.VAL);
    if (train.isEmpty()) throw new IllegalArgumentException("feature set has no TRAIN segments");
    String validation = "val split (" + val.size() + " segments)";
    if (val.isEmpty()) {
      Holdout<L> h = Holdout.carve(train, config.split().valFraction(), tc.seed());
      train = h.train();
      val = h.val();
      validation = h.val() == h.train()
          ? "no val split and a single training segment: validating on the training data"
          : h.bySpeaker()
              ? "no val split: validating on a seeded " + Math.round(config.split().valFraction() * 100)
                  + " % of the training speakers (" + val.size() + " segments)"
              : "no val split and no class with a speaker to spare: validating on a seeded "
                  + Math.round(config.split().valFraction() * 100) + " % of its segments ("
                  + val.size() + " segments, with their augmented copies; speaker-dependent)";
      LOG.warn("{}", validation);
    }
    int classes = data.task().numClasses();
    long seed = tc.seed();
    Path checkpointsDir = outDir.resolve(CHECKPOINTS);
    Path modelDir = outDir.resolve(MODEL);
    AtomicDirectory.recover(modelDir);
    String identity = arch.wireName() + " classes=" + classes + " task=" + data.task().name()
        + " image=" + config.model().imageSize() + " channels=" + config.model().channels()
        + " mfcc=" + data.mfccLength() + (data.mfccChannels() > 1 ? "x" + data.mfccChannels() : "")
        + " seed=" + seed + " loss=" + lossFunction
        + (tc.selectOn().equals("val_accuracy") ? "" : " select=" + tc.selectOn())
        + (tc.classWeights().equals("none") ? "" : " weights=" + tc.classWeights())
        + (tc.randomShift() ? " shift" : "") + (tc.mixup() > 0 ? " mixup=" + tc.mixup() : "")
        + (tc.logitAdjustment() > 0 ? " logitAdjustment=" + tc.logitAdjustment() : "")
        + (tc.specAugment().enabled() ? " specAugment=" + tc.specAugment() : "")
        + (config.split().folds() > 0 ? " fold=" + config.split().fold() + "/" + config.split().folds() : "");
    if (data.mfccChannels() != config.model().mfccChannels()) {
      throw new IllegalArgumentException("feature set has " + data.mfccChannels() + " MFCC channel(s) but "
          + "model.mfccChannels is " + config.model().mfccChannels() + " (preset '" + config.preset()
          + "'): preprocess with the same preset");
    }
    float[] classWeights = classWeights(train, classes, tc.classWeights());
    float[] logitOffsets = logitOffsets(train, classes, tc.logitAdjustment());

    Device device = Devices.preferred();
    LOG.info("training on {}, image {}", device,
        ChannelsLastTraining.enabled(device) ? "channels-last" : "NCHW");
    try (NDManager manager = NDManager.newBaseManager(device)) {
      Engine.getInstance().setRandomSeed((int) seed);
      EmoAudioNetBlock block = EmoAudioNetFactory.buildInitialized(
          arch, config.model(), classes, data.mfccLength(), manager);
      long parameterCount = ModelSummary.parameterCount(block);
      LearningRate lr = new LearningRate((float) tc.learningRate());
      RmsProp optimizer = RmsProp.builder().optLearningRate(lr).optRho((float) tc.rho())
          .optEpsilon((float) tc.epsilon()).build();
      ReduceLrOnPlateau plateau =
          new ReduceLrOnPlateau(tc.plateauFactor(), tc.plateauPatience(), tc.minLearningRate());
      EarlyStopping early = new EarlyStopping(tc.earlyStopPatience());
      List<EpochMetrics> history = new ArrayList<>();
      int startEpoch = 0;

      try (NDManager cpu = NDManager.newBaseManager(Device.cpu())) {
        Checkpoints.Loaded ck = Checkpoints.latest(checkpointsDir, cpu);
        if (ck != null) {
          TrainState s = ck.state();
          if (!s.identity().equals(identity)) {
            throw new IOException(ck.dir() + " is a checkpoint of another run (" + s.identity()
                + "), this run is " + identity + ": use another output directory");
          }
          ParameterFile.copyInto(block, ck.params(), n -> false, ck.dir().toString());
          optimizer.importState(block.getParameters(), ck.optimizer());
          lr.set(s.learningRate());
          plateau.restore(s.plateauBest(), s.plateauWait());
          early.restore(s.bestValAccuracy(), s.bestEpoch(), s.earlyStopWait());
          history.addAll(s.history());
          startEpoch = s.epoch();
          LOG.info("resuming from {} (epoch {})", ck.dir(), startEpoch);
        } else if (pretrainedModelDir != null) {
          ModelManifest pre = Transfer.initialise(block, pretrainedModelDir, config.model(), data.mfccLength());
          LOG.info("initialised all but the final Linear from {} ({}, task {})",
              pretrainedModelDir, pre.architecture().wireName(), pre.task().name());
        }
      }

      MfccScaling scaling = MfccScaling.fit(data.each(train), data.mfccChannels(), data.mfccLength());
      Network net = new Network(block, manager, optimizer, lossFunction, data.mfccChannels(),
          data.mfccLength(), config.model().imageSize(), scaling, classWeights, logitOffsets);
      net.zeroGradients();
      int batchSize = tc.batchSize();
      int steps = (train.size() + batchSize - 1) / batchSize;
      for (int epoch = startEpoch + 1; epoch <= tc.maxEpochs() && !early.shouldStop(); epoch++) {
        Engine.getInstance().setRandomSeed((int) (seed + epoch));
        java.util.Iterator<List<SegmentFeatures>> order =
            data.shuffled(train, batchSize, seed + epoch);
        float epochLr = lr.get();
        // Its own stream, so that the shuffle and dropout of a run without shifts stay as they were.
        Random shift = tc.randomShift() ? new Random((seed + epoch) * 0x9E3779B97F4A7C15L) : null;
        Mixup mixup = tc.mixup() > 0 ? new Mixup(tc.mixup(), (seed + epoch) * 0xBF58476D1CE4E5B9L) : null;
        SpecAugment masks = tc.specAugment().enabled()
            ? new SpecAugment(tc.specAugment(), (seed + epoch) * 0x94D049BB133111EBL) : null;

        double lossSum = 0;
        int correct = 0;
        for (int step = 0; step < steps; step++) {
          List<SegmentFeatures> batch = order.next();
          Network.BatchStats b = net.train(batch, shift, mixup == null ? null : mixup.next(batch.size()), masks);
          lossSum += b.lossSum();
          correct += b.correct();
          listener.onStep(epoch, step + 1, steps, b.lossSum() / b.size());
        }
        Validation v = validate(net, data, val, batchSize, data.task().classes());
        double valAcc = v.accuracy();
        double valLoss = v.loss();
        double valF1 = v.macroF1();
        // Higher is better for the early-stopping score: the loss enters negated.
        double score = switch (tc.selectOn()) {
          case "val_loss" -> -valLoss;
          case "val_macro_f1" -> valF1;
          default -> valAcc;
        };
        boolean improved = early.update(epoch, score);
        plateau.update(valLoss, lr);
        EpochMetrics m = new EpochMetrics(epoch, lossSum / train.size(), (double) correct / train.size(),
            valLoss, valAcc, epochLr, improved, valF1);
        history.add(m);
        if (improved) {
          ModelManifest manifest = new ModelManifest(arch, data.task(), config, data.mfccLength(),
              epoch, valAcc, parameterCount, validation, scaling);
          TrainedModel.save(modelDir, manifest, block);
        }
        LOG.info(String.format(java.util.Locale.ROOT,
            "epoch %d/%d: loss %.4f acc %.4f | val loss %.4f acc %.4f macro-F1 %.4f | lr %.3g%s", epoch,
            tc.maxEpochs(), m.trainLoss(), m.trainAccuracy(), valLoss, valAcc, valF1, epochLr,
            improved ? " (best, saved)" : ""));
        listener.onEpoch(m);
        TrainState state = new TrainState(identity, epoch, lr.get(), plateau.best(), plateau.waitEpochs(),
            early.best(), early.bestEpoch(), early.waitEpochs(), List.copyOf(history));
        Path dir = Checkpoints.write(checkpointsDir, state, ParameterFile.of(block),
            optimizer.exportState(block.getParameters()));
        listener.onCheckpoint(epoch, dir);
        if (early.shouldStop()) {
          LOG.info("early stop after epoch {}: no {} gain for {} epochs (best {} at epoch {})",
              epoch, tc.selectOn(), early.waitEpochs(), early.best(), early.bestEpoch());
        }
      }
      // The result reports the best epoch's validation accuracy whatever the selection score was
      // (the checkpoint keeps the score itself, to resume the early stopping exactly).
      double bestAccuracy = history.stream().filter(h -> h.epoch() == early.bestEpoch())
          .mapToDouble(EpochMetrics::valAccuracy).findFirst().orElse(early.best());
      return new TrainResult(modelDir, List.copyOf(history), early.bestEpoch(), bestAccuracy,
          startEpoch, parameterCount);
    }
  }

  private record Validation(double loss, double accuracy, double macroF1) {}

  /** One in-order pass over the validation segments; the truth is read from the batches. */
  private static <L extends SegmentLabels> Validation validate(Network net, FeatureSource<L> data,
      List<L> val, int batchSize, List<String> classes) {
    double loss = 0;
    int correct = 0;
    int[] truth = new int[val.size()];
    int[] predictions = new int[val.size()];
    int n = 0;
    for (java.util.Iterator<List<SegmentFeatures>> it = data.pass(val, batchSize); it.hasNext(); ) {
      List<SegmentFeatures> batch = it.next();
      Network.BatchStats b = net.evaluate(batch);
      loss += b.lossSum();
      correct += b.correct();
      for (int i = 0; i < batch.size(); i++) truth[n + i] = batch.get(i).classIndex();
      System.arraycopy(b.predictions(), 0, predictions, n, b.predictions().length);
      n += batch.size();
    }
    double f1 = org.emoaudionet.metrics.ClassificationMetrics.of(classes, truth, predictions).f1Macro();
    return new Validation(loss / n, (double) correct / n, f1);
  }

  /**
   * Logit adjustment (Menon et al., "Long-tail learning via logit adjustment", ICLR 2021): {@code
   * tau * log(prior_c)} with the class shares of the training segments, added to the logits in the
   * loss, so that minimising it approximates the balanced error (which macro-F1 rewards) without
   * reweighting samples. A class absent from train counts as one segment (a finite offset); tau 0:
   * null.
   */
  static float[] logitOffsets(List<? extends SegmentLabels> train, int classes, double tau) {
    if (tau <= 0) return null;
    long[] counts = classCounts(train, classes);
    float[] o = new float[classes];
    for (int c = 0; c < classes; c++) {
      o[c] = (float) (tau * Math.log(Math.max(1, counts[c]) / (double) train.size()));
    }
    return o;
  }

  /**
   * {@code balanced}: scikit-learn's {@code n / (k * n_c)} over the training segments, so each
   * class weighs the same in the loss whatever its count (a class absent from train gets 0);
   * {@code none}: null (all 1).
   */
  static float[] classWeights(List<? extends SegmentLabels> train, int classes, String mode) {
    if (mode.equals("none")) return null;
    long[] counts = classCounts(train, classes);
    int present = 0;
    for (long c : counts) if (c > 0) present++;
    float[] w = new float[classes];
    for (int c = 0; c < classes; c++) {
      w[c] = counts[c] == 0 ? 0f : (float) ((double) train.size() / (present * (double) counts[c]));
    }
    return w;
  }

  /** Training segments per class index: the prior both class weights and logit offsets read. */
  private static long[] classCounts(List<? extends SegmentLabels> train, int classes) {
    long[] counts = new long[classes];
    for (SegmentLabels s : train) counts[s.classIndex()]++;
    return counts;
  }
}
