package org.emoaudionet.metrics;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.emoaudionet.data.Split;
import org.emoaudionet.data.TaskSpec;
import org.emoaudionet.features.FeatureSource;
import org.emoaudionet.features.SegmentLabels;
import org.emoaudionet.features.SegmentFeatures;
import org.emoaudionet.model.ScoringModel;
import org.emoaudionet.train.EpochMetrics;

/** Scores a model on the TEST split and writes the report and its pictures. */
public final class Evaluator {
  /** Segments per {@link ScoringModel#predict} call, to bound memory on large test sets. */
  static final int PREDICT_CHUNK = 512;

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private Evaluator() {}

  /**
   * Writes {@code metrics.json} (segment level under {@code test}, file level under {@code
   * recording}), {@code confusion_matrix.png}, {@code confusion_matrix_recording.png} and, when
   * {@code history} is not empty, {@code learning_curves.png} into {@code outDir}.
   *
   * @param participantLevel also aggregate per recording (mean of segment probabilities), as
   *     DAIC-WOZ is reported
   */
  public static <L extends SegmentLabels> EvaluationReport evaluate(ScoringModel model,
      FeatureSource<L> data, String protocol, List<EpochMetrics> history, boolean participantLevel,
      Path outDir) throws IOException {
    List<L> test = data.labelsOf(Split.TEST);
    if (test.isEmpty()) throw new IllegalArgumentException("the feature set has no TEST segments to evaluate");
    float[][] probs = new float[test.size()][];
    // A source passes in its own order (shards: by shard, which is the labels' order); each batch
    // is checked against the labels it is scored under.
    int from = 0;
    for (Iterator<List<SegmentFeatures>> it = data.pass(test, PREDICT_CHUNK); it.hasNext(); ) {
      List<SegmentFeatures> chunk = it.next();
      float[][] p = model.predict(chunk);
      if (p.length != chunk.size()) {
        throw new IllegalStateException("model returned " + p.length + " rows for " + chunk.size() + " segments");
      }
      for (int i = 0; i < chunk.size(); i++) {
        SegmentLabels want = test.get(from + i);
        SegmentFeatures got = chunk.get(i);
        if (!got.recordingId().equals(want.recordingId()) || got.startSeconds() != want.startSeconds()) {
          throw new IllegalStateException("test segment " + (from + i) + " came back as "
              + got.recordingId() + "@" + got.startSeconds() + ", expected " + want.recordingId()
              + "@" + want.startSeconds());
        }
      }
      System.arraycopy(p, 0, probs, from, p.length);
      from += chunk.size();
    }
    return fromProbabilities(data, test, probs, protocol, history, participantLevel, outDir);
  }

  /**
   * The scoring itself, given the model's softmax rows for {@code test} (in the task's class
   * order); what {@link #evaluate} does after prediction.
   */
  public static EvaluationReport fromProbabilities(FeatureSource<?> data,
      List<? extends SegmentLabels> test,
      float[][] probabilities, String protocol, List<EpochMetrics> history, boolean participantLevel,
      Path outDir) throws IOException {
    TaskSpec task = data.task();
    if (test.size() != probabilities.length) {
      throw new IllegalArgumentException(test.size() + " test segments but " + probabilities.length
          + " probability rows");
    }
    for (float[] row : probabilities) {
      if (row.length != task.numClasses()) {
        throw new IllegalArgumentException("probability rows have " + row.length + " classes, task "
            + task.name() + " has " + task.numClasses());
      }
    }
    Files.createDirectories(outDir);
    ObjectNode root = JSON.createObjectNode();
    Map<String, Double> scalars = new LinkedHashMap<>();
    root.put("task", task.name());
    root.put("protocol", protocol);
    ArrayNode classes = root.putArray("classes");
    task.classes().forEach(classes::add);
    int[] perSplit = new int[Split.values().length];
    for (SegmentLabels l : data.labels()) if (l.split() != null) perSplit[l.split().ordinal()]++;
    root.put("n_train", perSplit[Split.TRAIN.ordinal()]);
    root.put("n_val", perSplit[Split.VAL.ordinal()]);
    root.put("n_test", perSplit[Split.TEST.ordinal()]);

    int[] truth = new int[test.size()];
    double[] targets = new double[test.size()];
    for (int i = 0; i < truth.length; i++) {
      truth[i] = test.get(i).classIndex();
      targets[i] = test.get(i).target();
    }
    ClassificationMetrics seg = score(root.putObject("test"), "test", task, truth, targets, probabilities, scalars);
    Charts.confusionMatrix(seg.confusion(), task.classes(),
        task.name() + " - test segments (" + protocol + " split)", outDir.resolve("confusion_matrix.png"));

    // Users judge files, not 2.5 s windows: every report also scores each test recording by the
    // mean of its segment probabilities, as predict does.
    ParticipantLevel files = ParticipantLevel.aggregate(test, probabilities);
    ClassificationMetrics byFile = score(root.putObject("recording"), "recording", task, files.truth(),
        files.targets(), files.probabilities(), scalars);
    Charts.confusionMatrix(byFile.confusion(), task.classes(),
        task.name() + " - test recordings (mean of segment probabilities)",
        outDir.resolve("confusion_matrix_recording.png"));
    RecordingPredictions.write(files, task.classes(), outDir.resolve(RecordingPredictions.FILE));
    if (participantLevel) {
      ParticipantLevel p = files; // DAIC-WOZ: one recording per participant
      ClassificationMetrics rec = score(root.putObject("participant"), "participant", task, p.truth(),
          p.targets(), p.probabilities(), scalars);
      Charts.confusionMatrix(rec.confusion(), task.classes(),
          task.name() + " - test participants (mean of segment probabilities)",
          outDir.resolve("confusion_matrix_participant.png"));
    }
    if (history != null && !history.isEmpty()) {
      Charts.learningCurves(history, task.name() + " - learning curves", outDir.resolve("learning_curves.png"));
    }
    String json = JSON.writeValueAsString(root);
    Files.writeString(outDir.resolve("metrics.json"), json);
    return new EvaluationReport(json, scalars);
  }

  private static ClassificationMetrics score(ObjectNode node, String prefix, TaskSpec task, int[] truth,
      double[] targets, float[][] probs, Map<String, Double> scalars) {
    ClassificationMetrics m = ClassificationMetrics.of(task.classes(), truth, ClassificationMetrics.argmax(probs));
    node.put("n", truth.length);
    put(node, scalars, prefix, "accuracy", m.accuracy());
    put(node, scalars, prefix, "f1_macro", m.f1Macro());
    ObjectNode per = node.putObject("per_class");
    for (ClassificationMetrics.PerClass c : m.perClass()) {
      ObjectNode o = per.putObject(c.name());
      putNumber(o, "precision", c.precision());
      putNumber(o, "recall", c.recall());
      putNumber(o, "f1", c.f1());
      o.put("support", c.support());
      scalars.put(prefix + ".f1_" + c.name(), c.f1());
    }
    ArrayNode cm = node.putArray("confusion_matrix");
    for (long[] row : m.confusion()) {
      ArrayNode r = cm.addArray();
      for (long v : row) r.add(v);
    }
    double[] values = OrdinalMetrics.classValues(task);
    if (values != null) {
      double[] trueValues = new double[truth.length];
      for (int i = 0; i < truth.length; i++) {
        // The binary task compares with the class (0/1), whatever its segments' target holds.
        trueValues[i] = task.ordinal() && Double.isFinite(targets[i]) ? targets[i] : values[truth[i]];
      }
      OrdinalMetrics o = OrdinalMetrics.of(trueValues, OrdinalMetrics.expectedValues(probs, values));
      put(node, scalars, prefix, "pearson_cc", o.pearsonCc());
      put(node, scalars, prefix, "rmse", o.rmse());
      put(node, scalars, prefix, "mae", o.mae());
      put(node, scalars, prefix, "ccc", o.ccc());
    }
    return m;
  }

  /** NaN (e.g. a correlation with a constant side) is written as null and left out of the scalars. */
  private static void put(ObjectNode node, Map<String, Double> scalars, String prefix, String key, double v) {
    putNumber(node, key, v);
    if (Double.isFinite(v)) scalars.put(prefix + "." + key, v);
  }

  private static void putNumber(ObjectNode node, String key, double v) {
    if (Double.isFinite(v)) node.put(key, v);
    else node.putNull(key);
  }
}
