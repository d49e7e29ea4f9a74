package org.emoaudionet.eval;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.emoaudionet.config.PipelineConfig;
import org.emoaudionet.data.Corpus;
import org.emoaudionet.data.Split;
import org.emoaudionet.data.Splitter;
import org.emoaudionet.features.FeatureSet;
import org.emoaudionet.features.SegmentFeatures;
import org.emoaudionet.metrics.EvaluationReport;
import org.emoaudionet.metrics.Evaluator;
import org.emoaudionet.model.TrainedModel;
import org.emoaudionet.pipeline.Augmenter;
import org.emoaudionet.pipeline.ProgressListener;
import org.emoaudionet.spec.Architecture;
import org.emoaudionet.train.TrainResult;
import org.emoaudionet.train.Trainer;
import org.emoaudionet.train.TrainingListener;

/**
 * Speaker-independent K-fold cross-validation over prepared features. On corpora of 10-24
 * speakers one split swings by +-10 points; the mean and spread over K folds are the figure
 * people compare.
 *
 * <p>The audio work is done once: every original segment is augmented once (the copies of a
 * recording are only used in the folds where that recording trains), then each fold re-assigns
 * the splits by speaker ({@link Splitter}, {@code split.folds}/{@code split.fold}), trains from
 * scratch into {@code out/fold-K/} and scores its test speakers.
 */
public final class CrossValidation {
  private CrossValidation() {}

  /** The originals and their augmented copies, prepared once for every fold. */
  public record Prepared(Corpus corpus, FeatureSet originals, List<SegmentFeatures> copies) {
    /** Augments every original segment (as if all were TRAIN); the copies are shared by the folds. */
    public static Prepared of(Corpus corpus, FeatureSet originals, PipelineConfig config,
        ProgressListener progress) throws IOException {
      List<SegmentFeatures> asTrain = new ArrayList<>();
      for (SegmentFeatures s : originals.segments()) asTrain.add(s.withSplit(Split.TRAIN));
      FeatureSet augmented = Augmenter.run(corpus, originals.withSegments(asTrain), config, progress);
      List<SegmentFeatures> copies = new ArrayList<>();
      for (SegmentFeatures s : augmented.segments()) if (!s.origin().equals("original")) copies.add(s);
      return new Prepared(corpus, originals, copies);
    }
  }

  /** The feature set of one split assignment: originals re-split, copies of TRAIN recordings only. */
  public static FeatureSet foldData(Prepared p, PipelineConfig foldConfig) {
    List<SegmentFeatures> resplit =
        Splitter.apply(p.corpus(), p.originals().segments(), foldConfig.split(), foldConfig.train().seed());
    // By window, not by recording: under the paper protocol one recording's windows can sit in
    // several splits, and a copy may only join TRAIN with its own original.
    Map<String, Split> byWindow = new HashMap<>();
    for (SegmentFeatures s : resplit) byWindow.put(s.recordingId() + "@" + s.startSeconds(), s.split());
    List<SegmentFeatures> all = new ArrayList<>(resplit);
    for (SegmentFeatures c : p.copies()) {
      if (byWindow.get(c.recordingId() + "@" + c.startSeconds()) == Split.TRAIN) all.add(c);
    }
    return p.originals().withSegments(all);
  }

  /** Trains and scores one split assignment into {@code dir}. */
  public static FoldReport trainAndScore(String name, FeatureSet data, PipelineConfig config,
      Architecture arch, Path dir, TrainingListener listener) throws IOException {
    long t0 = System.nanoTime();
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("config.json"), config.toJson());
    TrainResult result = Trainer.train(data, config, arch, dir, null, listener);
    double seconds = (System.nanoTime() - t0) / 1e9;
    int ran = result.history().size() - result.resumedFromEpoch();
    try (TrainedModel model = TrainedModel.load(result.modelDir())) {
      EvaluationReport report = Evaluator.evaluate(model, data, config.split().protocol(),
          result.history(), false, dir);
      long nTrain = data.segments().stream().filter(s -> s.split() == Split.TRAIN).count();
      return new FoldReport(name, report.scalars(), result.history().size(), result.bestEpoch(),
          ran > 0 ? seconds / ran : Double.NaN, nTrain);
    }
  }

  /**
   * Runs folds 0..K-1 and writes {@code out/folds.csv} (the assignment, see {@link
   * #writeFoldsCsv}) and {@code out/cv.json} (every fold and the mean +- std).
   */
  public static List<FoldReport> run(Prepared p, PipelineConfig config, int folds, Architecture arch,
      Path out, TrainingListener listener) throws IOException {
    Files.createDirectories(out);
    writeFoldsCsv(p, config, folds, out.resolve("folds.csv"));
    List<FoldReport> reports = new ArrayList<>();
    for (int k = 0; k < folds; k++) {
      PipelineConfig fc = config.withFold(folds, k);
      reports.add(trainAndScore("fold-" + k, foldData(p, fc), fc, arch, out.resolve("fold-" + k), listener));
    }
    Files.writeString(out.resolve("cv.json"), FoldSummary.json(reports));
    return reports;
  }

  /**
   * {@code folds.csv}: per recording its speaker and, for each fold, its split (train, val or
   * test), so that a baseline outside this JVM (infra/bench/reference/svm_baseline.py) scores the
   * very same splits.
   */
  public static void writeFoldsCsv(Prepared p, PipelineConfig config, int folds, Path file) throws IOException {
    Map<String, String[]> rows = new TreeMap<>();
    Map<String, String> speaker = new HashMap<>();
    for (int k = 0; k < folds; k++) {
      PipelineConfig fc = config.withFold(folds, k);
      for (SegmentFeatures s : Splitter.apply(p.corpus(), p.originals().segments(), fc.split(), fc.train().seed())) {
        rows.computeIfAbsent(s.recordingId(), r -> new String[folds])[k] = s.split().wireName();
        speaker.put(s.recordingId(), s.speaker());
      }
    }
    try (Writer w = Files.newBufferedWriter(file)) {
      StringBuilder header = new StringBuilder("path,speaker");
      for (int k = 0; k < folds; k++) header.append(",fold").append(k);
      w.write(header + "\n");
      for (Map.Entry<String, String[]> e : rows.entrySet()) {
        w.write(csv(e.getKey()) + "," + csv(speaker.get(e.getKey())) + "," + String.join(",", e.getValue()) + "\n");
      }
    }
  }

  private static String csv(String v) {
    if (v == null) return "";
    return v.contains(",") || v.contains("\"") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
  }

  /** Mean and population standard deviation of each figure over the folds. */
  public static Map<String, double[]> meanStd(List<FoldReport> reports) {
    Map<String, List<Double>> values = new LinkedHashMap<>();
    for (FoldReport r : reports) r.metrics().forEach((k, v) -> values.computeIfAbsent(k, x -> new ArrayList<>()).add(v));
    Map<String, double[]> out = new LinkedHashMap<>();
    values.forEach((k, l) -> {
      double mean = l.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
      double var = l.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum() / l.size();
      out.put(k, new double[] {mean, Math.sqrt(var), l.size()});
    });
    return out;
  }

}
