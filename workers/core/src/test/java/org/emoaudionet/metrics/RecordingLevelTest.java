package org.emoaudionet.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.emoaudionet.data.Split;
import org.emoaudionet.data.TaskSpec;
import org.emoaudionet.features.FeatureSet;
import org.emoaudionet.features.SegmentFeatures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every report scores files as well as windows (SYNTHETIC labels and given probabilities). */
class RecordingLevelTest {
  @TempDir Path tmp;

  @Test
  void aFileIsJudgedByTheMeanOfItsSegmentProbabilities() throws Exception {
    TaskSpec task = TaskSpec.categorical("label", List.of("angry", "sad"));
    List<SegmentFeatures> all = new ArrayList<>();
    all.add(EvaluatorTest.seg("train", Split.TRAIN, 0, Double.NaN));
    // File x (angry): 3 windows, one of them wrong with little confidence: right as a file.
    // File y (sad): 2 windows, one right, one confidently wrong: wrong as a file.
    for (int i = 0; i < 3; i++) all.add(EvaluatorTest.seg("x", Split.TEST, 0, Double.NaN));
    for (int i = 0; i < 2; i++) all.add(EvaluatorTest.seg("y", Split.TEST, 1, Double.NaN));
    FeatureSet data = new FeatureSet(task, 2, 4, all);
    List<SegmentFeatures> test = data.split(Split.TEST);
    float[][] p = {{0.9f, 0.1f}, {0.8f, 0.2f}, {0.45f, 0.55f}, {0.4f, 0.6f}, {0.95f, 0.05f}};
    EvaluationReport r = Evaluator.fromProbabilities(data, test, p, "speaker", List.of(), false, tmp);
    assertEquals(3.0 / 5, r.scalars().get("test.accuracy"), 1e-9);
    assertEquals(0.5, r.scalars().get("recording.accuracy"), 1e-9);
    JsonNode json = new ObjectMapper().readTree(r.json());
    assertEquals(2, json.path("recording").path("n").asInt());
    assertEquals(1, json.path("recording").path("confusion_matrix").get(1).get(0).asInt(), "y read as angry");
    assertTrue(Files.size(tmp.resolve("confusion_matrix_recording.png")) > 1000);
    // and lists every file with its verdict and mean probabilities
    assertEquals(List.of("recording_id,true,predicted,p_angry,p_sad",
            "x,angry,angry,0.716667,0.283333",
            "y,sad,angry,0.675000,0.325000"),
        Files.readAllLines(tmp.resolve(RecordingPredictions.FILE)));
  }

  @Test
  void aRecordingIdWithACommaOrQuoteIsQuotedAsRfc4180Says() {
    assertEquals("plain.wav", RecordingPredictions.quote("plain.wav"));
    assertEquals("\"a,b.wav\"", RecordingPredictions.quote("a,b.wav"));
    assertEquals("\"say \"\"hi\"\".wav\"", RecordingPredictions.quote("say \"hi\".wav"));
  }
}
