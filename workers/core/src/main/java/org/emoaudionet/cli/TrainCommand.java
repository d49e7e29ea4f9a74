package org.emoaudionet.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.emoaudionet.config.PipelineConfig;
import org.emoaudionet.data.Corpus;
import org.emoaudionet.features.FeatureSet;
import org.emoaudionet.metrics.EvaluationReport;
import org.emoaudionet.metrics.Evaluator;
import org.emoaudionet.model.Architecture;
import org.emoaudionet.model.TrainedModel;
import org.emoaudionet.pipeline.Augmenter;
import org.emoaudionet.pipeline.CorpusLoader;
import org.emoaudionet.pipeline.DatasetUri;
import org.emoaudionet.pipeline.Preprocessor;
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

  @Option(names = "--preset", defaultValue = "small", description = "small | paper (default: ${DEFAULT-VALUE})")
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

  @Override
  public Integer call() throws Exception {
    PipelineConfig config = PipelineConfig.preset(preset).withProtocol(split);
    if (epochs != null) config = config.withEpochs(epochs);
    if (seed != null) config = config.withSeed(seed);
    if (noAugment) {
      PipelineConfig.AugmentConfig a = config.augment();
      config = config.withAugment(
          new PipelineConfig.AugmentConfig(false, a.noiseAlphas(), a.pitchSemitones(), a.pitchShiftDown()));
    }
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
    Preprocessor.Result prepared = Preprocessor.runWithReport(corpus, config, progress);
    prepared.rejected().forEach(r -> System.err.println("skipped: " + r));
    FeatureSet data = prepared.features();
    if (config.augment().enabled()) data = Augmenter.run(corpus, data, config, progress);
    Files.createDirectories(out);
    Files.writeString(out.resolve("config.json"), config.toJson());
    TrainResult result = Trainer.train(data, config, architecture, out, pretrained, progress);
    try (TrainedModel model = TrainedModel.load(result.modelDir())) {
      boolean participant = corpus.recordings().stream().anyMatch(r -> !r.regions().isEmpty());
      EvaluationReport report = Evaluator.evaluate(
          model, data, config.split().protocol(), result.history(), participant, out);
      System.out.println(report.json());
      System.err.printf("model: %s%nmetrics: %s%n", result.modelDir(), out.resolve("metrics.json"));
    }
    return 0;
  }
}
