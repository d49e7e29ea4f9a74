package org.emoaudionet.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.emoaudionet.config.PipelineConfig;
import org.emoaudionet.data.Corpus;
import org.emoaudionet.data.Split;
import org.emoaudionet.features.FeatureSet;
import org.emoaudionet.features.SegmentFeatures;
import org.emoaudionet.metrics.EvaluationReport;
import org.emoaudionet.metrics.Evaluator;
import org.emoaudionet.model.ScoringModel;
import org.emoaudionet.model.ScoringModels;
import org.emoaudionet.pipeline.CorpusLoader;
import org.emoaudionet.pipeline.DatasetUri;
import org.emoaudionet.pipeline.Preprocessor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "evaluate", mixinStandardHelpOptions = true,
    description = "Score a trained model on a data set's test split (re-derived with the model's own"
        + " seed and protocol), or on every segment with --all.")
final class EvaluateCommand implements Callable<Integer> {
  @Option(names = "--model", required = true, description = "model folder (the train output's model/)")
  Path modelDir;

  @Option(names = "--dataset", required = true, description = "librispeech:DIR | recola:DIR | daic-woz:DIR | manifest:CSV")
  String dataset;

  @Option(names = "--out", description = "where to write metrics.json and PNGs (default: next to the model)")
  Path out;

  @Option(names = "--all", description = "evaluate on every segment (a held-out data set)")
  boolean all;

  @Override
  public Integer call() throws Exception {
    Path dir = Files.isDirectory(modelDir.resolve("model")) ? modelDir.resolve("model") : modelDir;
    try (ScoringModel model = ScoringModels.load(dir)) {
      PipelineConfig config = model.config();
      Corpus corpus = CorpusLoader.load(DatasetUri.parse(dataset), model.task().name());
      if (!corpus.task().classes().equals(model.task().classes())) {
        throw new IllegalArgumentException("data set classes " + corpus.task().classes()
            + " differ from the model's " + model.task().classes());
      }
      FeatureSet data = Preprocessor.run(corpus, config, new ConsoleProgress());
      if (all) {
        List<SegmentFeatures> everything = data.segments().stream().map(s -> s.withSplit(Split.TEST)).toList();
        data = data.withSegments(everything);
      }
      Path target = out != null ? out : dir.resolveSibling("evaluation");
      Files.createDirectories(target);
      boolean participant = corpus.recordings().stream().anyMatch(r -> !r.regions().isEmpty());
      EvaluationReport report = Evaluator.evaluate(model, data,
          all ? "all" : config.split().protocol(), List.of(), participant, target);
      System.out.println(report.json());
    }
    return 0;
  }
}
