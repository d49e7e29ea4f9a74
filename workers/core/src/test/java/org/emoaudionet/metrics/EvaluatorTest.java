package org.emoaudionet.metrics;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.emoaudionet.data.Split;
import org.emoaudionet.data.TaskSpec;
import org.emoaudionet.features.FeatureSet;
import org.emoaudionet.features.SegmentFeatures;
import org.emoaudionet.train.EpochMetrics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Synthetic feature sets (tiny inputs; only labels and splits matter) and given probabilities. */
class EvaluatorTest {
  @TempDir Path tmp;

  static SegmentFeatures seg(String rec, Split split, int cls, double target) {
    return new SegmentFeatures(rec, rec, 0, split, cls, target, new float[4], new byte[3 * 2 * 2], "original");
  }

  @Test
  void binaryWithParticipantLevel() throws IOException {
    TaskSpec task = TaskSpec.categorical("phq8_binary", List.of("0", "1"));
    List<SegmentFeatures> all = new ArrayList<>();
    for (int i = 0; i < 5; i++) all.add(seg("t" + i, Split.TRAIN, i % 2, Double.NaN));
    all.add(seg("v", Split.VAL, 0, Double.NaN));
    // TEST: participant a (class 0): 3 segments; b (class 1): 2 segments; c (class 1): 1 segment.
    all.add(seg("a", Split.TEST, 0, Double.NaN));
    all.add(seg("a", Split.TEST, 0, Double.NaN));
    all.add(seg("a", Split.TEST, 0, Double.NaN));
    all.add(seg("b", Split.TEST, 1, Double.NaN));
    all.add(seg("b", Split.TEST, 1, Double.NaN));
    all.add(seg("c", Split.TEST, 1, Double.NaN));
    FeatureSet fs = new FeatureSet(task, 2, 4, all);
    float[][] p = {
      {0.9f, 0.1f}, {0.8f, 0.2f}, {0.3f, 0.7f}, // a: segments 0,0,1 -> mean (0.667, 0.333) -> 0 right
      {0.4f, 0.6f}, {0.7f, 0.3f}, // b: segments 1,0 -> mean (0.55, 0.45) -> 0 wrong
      {0.2f, 0.8f}, // c: 1 right
    };
    List<EpochMetrics> hist = List.of(new EpochMetrics(1, 0.7, 0.5, 0.69, 0.55, 1e-3, true),
        new EpochMetrics(2, 0.6, 0.6, 0.65, 0.6, 1e-3, true));
    EvaluationReport r = Evaluator.fromProbabilities(fs, fs.split(Split.TEST), p, "speaker", hist, true, tmp);

    // Segments: truth 0 0 0 1 1 1, predicted 0 0 1 1 0 1: accuracy 4/6; each class P = R = 2/3.
    assertEquals(4.0 / 6, r.scalars().get("test.accuracy"), 1e-12);
    assertEquals(2.0 / 3, r.scalars().get("test.f1_macro"), 1e-12);
    // Participants: truth 0 1 1, predicted 0 0 1: accuracy 2/3; class 0 P 1/2 R 1 F1 2/3;
    // class 1 P 1 R 1/2 F1 2/3.
    assertEquals(2.0 / 3, r.scalars().get("participant.accuracy"), 1e-12);
    assertEquals(2.0 / 3, r.scalars().get("participant.f1_0"), 1e-12);
    assertEquals(2.0 / 3, r.scalars().get("participant.f1_1"), 1e-12);
    // The binary task also gets CC/RMSE between P(1) and the 0/1 truth, as the paper reports.
    double[] p1 = {0.1, 0.2, 0.7, 0.6, 0.3, 0.8};
    double[] y = {0, 0, 0, 1, 1, 1};
    OrdinalMetrics o = OrdinalMetrics.of(y, p1);
    assertEquals(o.rmse(), r.scalars().get("test.rmse"), 1e-6);
    assertEquals(o.pearsonCc(), r.scalars().get("test.pearson_cc"), 1e-6);

    JsonNode j = new ObjectMapper().readTree(Files.readString(tmp.resolve("metrics.json")));
    assertEquals(r.json(), Files.readString(tmp.resolve("metrics.json")));
    assertEquals("phq8_binary", j.get("task").asText());
    assertEquals("speaker", j.get("protocol").asText());
    assertEquals(5, j.get("n_train").asInt());
    assertEquals(1, j.get("n_val").asInt());
    assertEquals(6, j.get("n_test").asInt());
    assertEquals(3, j.get("test").get("per_class").get("1").get("support").asInt());
    assertEquals(2.0 / 3, j.get("test").get("per_class").get("0").get("precision").asDouble(), 1e-12);
    assertEquals("[[2,1],[1,2]]", j.get("test").get("confusion_matrix").toString());
    assertEquals("[[1,0],[1,1]]", j.get("participant").get("confusion_matrix").toString());
    assertEquals(3, j.get("participant").get("n").asInt());
    for (String f : List.of("metrics.json", "confusion_matrix.png", "confusion_matrix_participant.png",
        "learning_curves.png")) {
      assertTrue(Files.size(tmp.resolve(f)) > 0, f);
    }
  }

  @Test
  void ordinalTaskUsesContinuousTargets() throws IOException {
    TaskSpec task = TaskSpec.binned("arousal", -1, 1, 10);
    List<SegmentFeatures> all = List.of(
        seg("r1", Split.TEST, 0, -0.8), seg("r1", Split.TEST, 9, 0.6), seg("r2", Split.TEST, 5, 0.1),
        seg("r3", Split.TRAIN, 5, 0.1));
    FeatureSet fs = new FeatureSet(task, 2, 4, all);
    float[][] p = new float[3][10];
    p[0][0] = 1; // predicts -0.9 (error 0.1)
    p[1][9] = 1; // predicts 0.9 (error 0.3)
    p[2][5] = 1; // predicts 0.1 (error 0)
    Path out = tmp.resolve("o");
    EvaluationReport r = Evaluator.fromProbabilities(fs, fs.split(Split.TEST), p, "paper", List.of(), false, out);
    assertEquals(1.0, r.scalars().get("test.accuracy"), 1e-12);
    assertEquals(Math.sqrt((0.01 + 0.09) / 3), r.scalars().get("test.rmse"), 1e-6);
    assertEquals(0.4 / 3, r.scalars().get("test.mae"), 1e-6);
    OrdinalMetrics o = OrdinalMetrics.of(new double[] {-0.8, 0.6, 0.1}, new double[] {-0.9, 0.9, 0.1});
    assertEquals(o.ccc(), r.scalars().get("test.ccc"), 1e-6);
    assertEquals(o.pearsonCc(), r.scalars().get("test.pearson_cc"), 1e-6);
    assertFalse(r.scalars().containsKey("participant.accuracy"));
    assertFalse(Files.exists(out.resolve("learning_curves.png")), "no history, no curves");
    assertTrue(Files.exists(out.resolve("confusion_matrix.png")));
    JsonNode j = new ObjectMapper().readTree(r.json());
    assertTrue(j.get("test").has("ccc"));
    assertFalse(j.has("participant"));
  }

  @Test
  void categoricalTaskHasNoOrdinalMetricsAndNaNBecomesNull() throws IOException {
    TaskSpec task = TaskSpec.categorical("gender", List.of("F", "M"));
    FeatureSet fs = new FeatureSet(task, 2, 4, List.of(seg("a", Split.TEST, 0, Double.NaN),
        seg("b", Split.TEST, 1, Double.NaN)));
    EvaluationReport r = Evaluator.fromProbabilities(fs, fs.split(Split.TEST),
        new float[][] {{0.6f, 0.4f}, {0.3f, 0.7f}}, "speaker", List.of(), false, tmp);
    assertEquals(1.0, r.scalars().get("test.accuracy"));
    assertFalse(r.scalars().containsKey("test.rmse"));
    assertFalse(new ObjectMapper().readTree(r.json()).get("test").has("ccc"));

    // A constant prediction has no correlation: null in JSON, absent from the scalars.
    TaskSpec score = TaskSpec.integerScale("phq8_score", 0, 24);
    float[][] same = new float[2][25];
    same[0][3] = 1;
    same[1][3] = 1;
    FeatureSet s = new FeatureSet(score, 2, 4, List.of(seg("a", Split.TEST, 2, 2), seg("b", Split.TEST, 7, 7)));
    EvaluationReport rs = Evaluator.fromProbabilities(s, s.split(Split.TEST), same, "speaker", List.of(), false,
        tmp.resolve("s"));
    assertTrue(new ObjectMapper().readTree(rs.json()).get("test").get("pearson_cc").isNull());
    assertFalse(rs.scalars().containsKey("test.pearson_cc"));
    assertEquals(Math.sqrt((1 + 16) / 2.0), rs.scalars().get("test.rmse"), 1e-9);
  }

  @Test
  void mismatchedRowsAreRefused() {
    TaskSpec task = TaskSpec.categorical("gender", List.of("F", "M"));
    FeatureSet fs = new FeatureSet(task, 2, 4, List.of(seg("a", Split.TEST, 0, Double.NaN)));
    assertThrows(IllegalArgumentException.class, () -> Evaluator.fromProbabilities(fs, fs.split(Split.TEST),
        new float[][] {{1f, 0f, 0f}}, "speaker", List.of(), false, tmp));
    assertThrows(IllegalArgumentException.class, () -> Evaluator.fromProbabilities(fs, fs.split(Split.TEST),
        new float[][] {}, "speaker", List.of(), false, tmp));
  }
}
