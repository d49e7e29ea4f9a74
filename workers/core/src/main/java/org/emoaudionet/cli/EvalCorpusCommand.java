package org.emoaudionet.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.emoaudionet.config.PipelineConfig;
import org.emoaudionet.data.Corpus;
import org.emoaudionet.eval.CrossValidation;
import org.emoaudionet.eval.FoldReport;
import org.emoaudionet.eval.PeakMemory;
import org.emoaudionet.features.FeatureSet;
import org.emoaudionet.pipeline.CorpusLoader;
import org.emoaudionet.pipeline.DatasetUri;
import org.emoaudionet.pipeline.Preprocessor;
import org.emoaudionet.spec.Architecture;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The reproducible evaluation of a labelled corpus: the manifest's own speaker-independent test
 * split, then speaker-grouped K-fold cross-validation, one table (segment and recording
 * accuracy and macro-F1, time per epoch, peak memory). Audio is prepared and augmented once.
 */
@Command(name = "eval-corpus", mixinStandardHelpOptions = true,
    description = "Train and score a preset on a manifest corpus: its test split and K speaker folds.")
final class EvalCorpusCommand implements Callable<Integer> {
  @Parameters(index = "0", description = "manifest CSV (path,label[,speaker,split,gender])")
  Path manifest;

  @Option(names = "--preset", defaultValue = "cpu", description = "preset name or YAML file (default: ${DEFAULT-VALUE})")
  String preset;

  @Option(names = "--task", defaultValue = "label", description = "label | gender (default: ${DEFAULT-VALUE})")
  String task;

  @Option(names = "--folds", defaultValue = "5", description = "speaker folds, 0 for the test split only (default: ${DEFAULT-VALUE})")
  int folds;

  @Option(names = "--no-test-split", description = "skip the manifest's own split")
  boolean noTestSplit;

  @Option(names = "--out", description = "output folder (default: a temporary one)")
  Path out;

  @Option(names = "--epochs", description = "maximum epochs (default: the preset's)")
  Integer epochs;

  @Option(names = "--arch", defaultValue = "emoaudionet", description = "emoaudionet | mfcc | spectrogram")
  String arch;

  @Option(names = "--no-augment", description = "skip augmentation")
  boolean noAugment;

  @Override
  public Integer call() throws Exception {
    if (folds == 1 || folds < 0) throw new IllegalArgumentException("--folds must be 0 or >= 2, got " + folds);
    PipelineConfig config = PipelineConfig.preset(preset);
    if (epochs != null) config = config.withEpochs(epochs);
    if (noAugment) config = config.withAugmentation(false);
    Architecture architecture = Architecture.parse(arch);
    if (out == null) out = Files.createTempDirectory("emo-eval-corpus-");
    Files.createDirectories(out);
    ConsoleProgress progress = new ConsoleProgress();
    Corpus corpus = CorpusLoader.load(DatasetUri.parse("manifest:" + manifest), task);
    System.err.printf("%s: %d recordings, task %s, classes %s%n", manifest, corpus.recordings().size(),
        corpus.task().name(), corpus.task().classes());
    Preprocessor.Result prepared = Preprocessor.runWithReport(corpus, config, progress);
    prepared.rejected().forEach(r -> System.err.println("skipped: " + r));
    FeatureSet originals = prepared.features();
    CrossValidation.Prepared p = CrossValidation.Prepared.of(corpus, originals, config, progress);

    List<String> rows = new ArrayList<>();
    rows.add("| preset | protocol | segment accuracy | segment macro-F1 | recording accuracy | recording macro-F1 | s / epoch | peak RSS |");
    rows.add("|---|---|---|---|---|---|---|---|");
    String name = config.preset() + (noAugment ? " (no augment)" : "")
        + (architecture == Architecture.EMOAUDIONET ? "" : " [" + architecture.wireName() + "]");
    if (!noTestSplit) {
      FoldReport r = CrossValidation.trainAndScore("test-split", CrossValidation.foldData(p, config), config,
          architecture, out.resolve("test-split"), progress);
      rows.add(String.format(Locale.ROOT, "| %s | test split | %.3f | %.3f | %.3f | %.3f | %.1f | %s |", name,
          r.metrics().get("test.accuracy"), r.metrics().get("test.f1_macro"),
          r.metrics().get("recording.accuracy"), r.metrics().get("recording.f1_macro"), r.secondsPerEpoch(),
          PeakMemory.describe()));
      printTable(rows);
    }
    if (folds > 0) {
      List<FoldReport> reports = CrossValidation.run(p, config, folds, architecture, out, progress);
      Map<String, double[]> ms = CrossValidation.meanStd(reports);
      double spe = reports.stream().mapToDouble(FoldReport::secondsPerEpoch).average().orElse(Double.NaN);
      rows.add(String.format(Locale.ROOT, "| %s | %d-fold speaker CV | %s | %s | %s | %s | %.1f | %s |", name, folds,
          pm(ms, "test.accuracy"), pm(ms, "test.f1_macro"), pm(ms, "recording.accuracy"),
          pm(ms, "recording.f1_macro"), spe, PeakMemory.describe()));
      System.err.println("folds: " + out.resolve("folds.csv") + " (for infra/bench/reference/svm_baseline.py --folds-csv)");
    }
    printTable(rows);
    Files.write(out.resolve("table.md"), rows);
    System.err.println("results: " + out);
    return 0;
  }

  private static void printTable(List<String> rows) {
    System.out.println();
    rows.forEach(System.out::println);
    System.out.flush();
  }

  private static String pm(Map<String, double[]> ms, String key) {
    double[] v = ms.get(key);
    return v == null ? "-" : String.format(Locale.ROOT, "%.3f ± %.3f", v[0], v[1]);
  }
}
