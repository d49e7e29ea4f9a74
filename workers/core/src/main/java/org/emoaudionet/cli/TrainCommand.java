package org.emoaudionet.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.emoaudionet.config.PipelineConfig;
import org.emoaudionet.data.Corpus;
import org.emoaudionet.eval.CrossValidation;
import org.emoaudionet.eval.FoldReport;
import org.emoaudionet.data.Splitter;
import org.emoaudionet.features.FeatureSet;
import org.emoaudionet.features.FeatureSource;
import org.emoaudionet.features.SegmentLabels;
import org.emoaudionet.features.shards.ShardedFeatures;
import org.emoaudionet.metrics.EvaluationReport;
import org.emoaudionet.metrics.Evaluator;
import org.emoaudionet.model.TrainedModel;
import org.emoaudionet.pipeline.Augmenter;
import org.emoaudionet.pipeline.CorpusLoader;
import org.emoaudionet.pipeline.DatasetUri;
import org.emoaudionet.pipeline.Preprocessor;
import org.emoaudionet.spec.Architecture;
import org.emoaudionet.train.TrainResult;
import org.emoaudionet.train.Trainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "train", mixinStandardHelpOptions = true,
    description = "Preprocess, augment, train, evaluate: writes the model, metrics.json and PNGs.")
final class TrainCommand implements Callable<Integer> {
  @Option(names = "--dataset", required = true,
      description = "librispeech:DIR | recola:DIR | daic-woz:DIR | manifest:CSV")
  String dataset;

  @Option(names = "--task", required = true,
      description = "gender | arousal | valence | phq8_binary | phq8_score | label")
  String task;

  @Option(names = "--out", required = true, description = "output folder")
  Path out;

  @Option(names = "--preset", defaultValue = "small",
      description = "small | cpu | paper, or a preset YAML file (default: ${DEFAULT-VALUE})")
  String preset;

  @Option(names = "--split", defaultValue = "speaker",
      description = "speaker (no speaker in two splits) | paper (random segments, optimistic)")
  String split;

  @Option(names = "--epochs", description = "maximum epochs (default: the preset's)")
  Integer epochs;

  @Option(names = "--seed", description = "random seed (default: the preset's)")
  Long seed;

  @Option(names = "--pretrained", description = "model folder to fine-tune from (all layers but the last)")
  Path pretrained;

  @Option(names = "--arch", defaultValue = "emoaudionet", description = "emoaudionet | mfcc | spectrogram")
  String arch;

  @Option(names = "--no-augment", description = "skip noise and pitch-shift augmentation")
  boolean noAugment;

  @Option(names = "--folds", defaultValue = "0",
      description = "speaker-grouped K-fold cross-validation (K >= 2): out/fold-N/ and out/cv.json with mean and std")
  int folds;

  @Option(names = "--shards", paramLabel = "DIR",
      description = "prepare into feature shards in DIR and stream training and evaluation from them"
          + " (memory bounded by --shuffle-buffer, whatever the corpus size); needs --no-augment")
  Path shards;

  @Option(names = "--shuffle-buffer", defaultValue = "2048",
      description = "with --shards: segments held for shuffling (default: ${DEFAULT-VALUE})")
  int shuffleBuffer;

  @Option(names = "--segments-per-shard", defaultValue = "256",
      description = "with --shards: segments per shard file (default: ${DEFAULT-VALUE})")
  int perShard;

  @Override
  public Integer call() throws Exception {
    PipelineConfig config = PipelineConfig.preset(preset).withProtocol(split);
    if (epochs != null) config = config.withEpochs(epochs);
    if (seed != null) config = config.withSeed(seed);
    if (noAugment) config = config.withAugmentation(false);
    if (folds == 1 || folds < 0) throw new IllegalArgumentException("--folds must be 0 or >= 2, got " + folds);
    Architecture architecture = Architecture.parse(arch);
    if (pretrained != null && !Files.isDirectory(pretrained)) {
      throw new IllegalArgumentException("--pretrained " + pretrained + " is not a model folder");
    }
    if (pretrained != null && Files.isDirectory(pretrained.resolve("model"))) {
      pretrained = pretrained.resolve("model"); // a train output folder, as evaluate and predict take
    }
    ConsoleProgress progress = new ConsoleProgress();
    Corpus corpus = CorpusLoader.load(DatasetUri.parse(dataset), task);
    System.err.printf("%s: %d recordings, task %s, classes %s%n", dataset,
        corpus.recordings().size(), corpus.task().name(), corpus.task().classes());
    if (shards != null) return trainFromShards(corpus, config, architecture, progress);
    Preprocessor.Result prepared = Preprocessor.runWithReport(corpus, config, progress);
    prepared.rejected().forEach(r -> System.err.println("skipped: " + r));
    FeatureSet data = prepared.features();
    if (folds > 0) {
      if (pretrained != null) throw new IllegalArgumentException("--folds trains every fold from scratch: drop --pretrained");
      Files.createDirectories(out);
      CrossValidation.Prepared p = CrossValidation.Prepared.of(corpus, data, config, progress);
      List<FoldReport> reports = CrossValidation.run(p, config, folds, architecture, out, progress);
      for (FoldReport r : reports) {
        System.err.printf(Locale.ROOT, "%s: recording accuracy %.3f macro-F1 %.3f (segments %.3f / %.3f)%n", r.name(),
            r.metrics().get("recording.accuracy"), r.metrics().get("recording.f1_macro"),
            r.metrics().get("test.accuracy"), r.metrics().get("test.f1_macro"));
      }
      System.out.println(Files.readString(out.resolve("cv.json")));
      return 0;
    }
    if (config.augment().enabled()) data = Augmenter.run(corpus, data, config, progress);
    return trainAndEvaluate(corpus, data, config, architecture, progress);
  }

  /** Trains on {@code data} (in memory or streamed), then scores its TEST split into out/. */
  private <L extends SegmentLabels> int trainAndEvaluate(Corpus corpus, FeatureSource<L> data,
      PipelineConfig config, Architecture architecture, ConsoleProgress progress) throws Exception {
    Files.createDirectories(out);
    Files.writeString(out.resolve("config.json"), config.toJson());
    TrainResult result = Trainer.trainOn(data, config, architecture, out, pretrained, progress);
    try (TrainedModel model = TrainedModel.load(result.modelDir())) {
      boolean participant = corpus.recordings().stream().anyMatch(r -> !r.regions().isEmpty());
      EvaluationReport report = Evaluator.evaluate(
          model, data, config.split().protocol(), result.history(), participant, out);
      System.out.println(report.json());
      System.err.printf("model: %s%nmetrics: %s%n", result.modelDir(), out.resolve("metrics.json"));
    }
    return 0;
  }

  private int trainFromShards(Corpus corpus, PipelineConfig config, Architecture architecture,
      ConsoleProgress progress) throws Exception {
    if (config.augment().enabled()) {
      throw new IllegalArgumentException("--shards streams the prepared segments; augmentation into"
          + " shards is not built yet: add --no-augment");
    }
    if (folds > 0) throw new IllegalArgumentException("--shards with --folds is not built yet");
    Preprocessor.ShardResult prepared = Preprocessor.toShards(corpus, config, shards, perShard, progress);
    prepared.rejected().forEach(r -> System.err.println("skipped: " + r));
    ShardedFeatures opened = ShardedFeatures.open(shards, corpus.task(), shuffleBuffer);
    ShardedFeatures data = opened.withSplits(
        Splitter.assign(corpus, opened.labels(), config.split(), config.train().seed()));
    System.err.printf("%s: %d segments in %d shards; shuffle buffer %d segments%n", shards,
        prepared.index().segments(), prepared.index().shards().size(), shuffleBuffer);
    return trainAndEvaluate(corpus, data, config, architecture, progress);
  }
}
