package org.emoaudionet.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.emoaudionet.config.PipelineConfig;
import org.emoaudionet.data.Split;
import org.emoaudionet.data.Splitter;
import org.junit.jupiter.api.Test;

/** Speaker-grouped, stratified K-fold assignment (SYNTHETIC items: 20 speakers, 4 classes). */
class CrossValidationTest {
  static List<Splitter.Item> items() {
    List<Splitter.Item> items = new ArrayList<>();
    for (int s = 0; s < 20; s++) {
      for (int r = 0; r < 3; r++) {
        // Fixed splits are present (as in a manifest) and must be ignored by the folds.
        items.add(new Splitter.Item("spk" + s + "-rec" + r, "spk" + s, s % 4, r == 0 ? Split.TEST : Split.TRAIN));
      }
    }
    return items;
  }

  @Test
  void everySpeakerIsTestedInExactlyOneFoldAndNeverTrainsThere() {
    List<Splitter.Item> items = items();
    PipelineConfig.SplitConfig base = PipelineConfig.cpu().split();
    Map<String, Integer> testedIn = new HashMap<>();
    for (int k = 0; k < 5; k++) {
      List<Split> splits = Splitter.assign(items, base.withFold(5, k), 42);
      Map<String, Set<Split>> perSpeaker = new HashMap<>();
      Set<Integer> testClasses = new HashSet<>();
      int test = 0;
      for (int i = 0; i < items.size(); i++) {
        perSpeaker.computeIfAbsent(items.get(i).speaker(), x -> new HashSet<>()).add(splits.get(i));
        if (splits.get(i) == Split.TEST) {
          test++;
          testClasses.add(items.get(i).classIndex());
        }
      }
      for (var e : perSpeaker.entrySet()) {
        assertEquals(1, e.getValue().size(), "speaker " + e.getKey() + " sits in several splits of fold " + k);
        if (e.getValue().contains(Split.TEST)) assertEquals(null, testedIn.put(e.getKey(), k));
      }
      assertEquals(12, test, "fold " + k + ": 4 of 20 speakers x 3 recordings");
      assertEquals(4, testClasses.size(), "stratified: every class in every test fold");
      assertTrue(splits.contains(Split.VAL), "fold " + k + " has a validation split");
      assertEquals(splits, Splitter.assign(items, base.withFold(5, k), 42), "deterministic");
    }
    assertEquals(20, testedIn.size(), "the folds together test every speaker");
  }

  @Test
  void tooFewSpeakersOrABadFoldAreClearErrors() {
    List<Splitter.Item> few = items().subList(0, 9); // 3 speakers
    var e = assertThrows(IllegalArgumentException.class,
        () -> Splitter.assign(few, PipelineConfig.cpu().split().withFold(5, 0), 1));
    assertTrue(e.getMessage().contains("at least 6 speakers"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> PipelineConfig.cpu().withFold(5, 5));
    assertThrows(IllegalArgumentException.class, () -> PipelineConfig.cpu().withFold(1, 0));
  }

  @Test
  void meanAndPopulationStd() {
    var ms = CrossValidation.meanStd(List.of(
        new FoldReport("fold-0", Map.of("recording.f1_macro", 0.2), 1, 1, 1, 1),
        new FoldReport("fold-1", Map.of("recording.f1_macro", 0.4), 1, 1, 1, 1)));
    assertEquals(0.3, ms.get("recording.f1_macro")[0], 1e-12);
    assertEquals(0.1, ms.get("recording.f1_macro")[1], 1e-12);
  }
}
