package org.emoaudionet.data;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.emoaudionet.config.PipelineConfig;
import org.junit.jupiter.api.Test;

/** Synthetic segments: {@code speakers} speakers, one recording each, a class per speaker. */
class SplitterTest {
  static final PipelineConfig.SplitConfig SPEAKER = new PipelineConfig.SplitConfig("speaker", 0.2, 0.1);
  static final PipelineConfig.SplitConfig PAPER = new PipelineConfig.SplitConfig("paper", 0.2, 0.1);

  static List<Splitter.Item> items(int speakers, int classes, int segmentsPerSpeaker) {
    List<Splitter.Item> out = new ArrayList<>();
    for (int s = 0; s < speakers; s++) {
      for (int k = 0; k < segmentsPerSpeaker; k++) {
        out.add(new Splitter.Item("rec" + s, "spk" + s, s % classes, null));
      }
    }
    return out;
  }

  static Map<String, Set<Split>> splitsPerSpeaker(List<Splitter.Item> items, List<Split> splits) {
    Map<String, Set<Split>> m = new HashMap<>();
    for (int i = 0; i < items.size(); i++) {
      m.computeIfAbsent(items.get(i).speaker(), k -> new HashSet<>()).add(splits.get(i));
    }
    return m;
  }

  static Map<Split, Set<String>> speakersPerSplit(List<Splitter.Item> items, List<Split> splits) {
    Map<Split, Set<String>> m = new HashMap<>();
    for (int i = 0; i < items.size(); i++) {
      m.computeIfAbsent(splits.get(i), k -> new HashSet<>()).add(items.get(i).speaker());
    }
    return m;
  }

  @Test
  void speakerProtocolNeverSharesASpeakerAndHitsFractions() {
    List<Splitter.Item> items = items(40, 2, 5);
    List<Split> splits = Splitter.assign(items, SPEAKER, 42);
    for (var e : splitsPerSpeaker(items, splits).entrySet()) {
      assertEquals(1, e.getValue().size(), "speaker " + e.getKey() + " in " + e.getValue());
    }
    Map<Split, Set<String>> per = speakersPerSplit(items, splits);
    assertEquals(8, per.get(Split.TEST).size(), "20 % of 40 speakers");
    assertEquals(3, per.get(Split.VAL).size(), "10 % of the remaining 32, rounded");
    assertEquals(29, per.get(Split.TRAIN).size());
  }

  @Test
  void speakerProtocolStratifiesByMajorityClass() {
    // 30 speakers of class 0, 10 of class 1: TEST gets 6 + 2.
    List<Splitter.Item> items = new ArrayList<>();
    for (int s = 0; s < 40; s++) {
      int cls = s < 30 ? 0 : 1;
      items.add(new Splitter.Item("r" + s, "s" + s, cls, null));
      items.add(new Splitter.Item("r" + s, "s" + s, 1 - cls, null)); // minority segment
      items.add(new Splitter.Item("r" + s, "s" + s, cls, null));
    }
    List<Split> splits = Splitter.assign(items, SPEAKER, 7);
    int[] testPerClass = new int[2];
    for (String s : speakersPerSplit(items, splits).get(Split.TEST)) {
      testPerClass[Integer.parseInt(s.substring(1)) < 30 ? 0 : 1]++;
    }
    assertArrayEquals(new int[] {6, 2}, testPerClass);
  }

  @Test
  void deterministicForASeedAndOrderIndependent() {
    List<Splitter.Item> items = items(25, 3, 4);
    List<Split> a = Splitter.assign(items, SPEAKER, 1);
    assertEquals(a, Splitter.assign(items, SPEAKER, 1));
    List<Splitter.Item> shuffled = new ArrayList<>(items);
    Collections.shuffle(shuffled, new Random(3));
    List<Split> b = Splitter.assign(shuffled, SPEAKER, 1);
    Map<String, Split> bySpeaker = new HashMap<>();
    for (int i = 0; i < shuffled.size(); i++) bySpeaker.put(shuffled.get(i).speaker(), b.get(i));
    for (int i = 0; i < items.size(); i++) assertEquals(a.get(i), bySpeaker.get(items.get(i).speaker()));
    boolean differs = false;
    for (long seed = 2; seed < 6 && !differs; seed++) differs = !a.equals(Splitter.assign(items, SPEAKER, seed));
    assertTrue(differs, "another seed gives another split");
    assertEquals(Splitter.assign(items, PAPER, 9), Splitter.assign(items, PAPER, 9));
  }

  @Test
  void tooFewSpeakersNamesTheCounts() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Splitter.assign(items(2, 2, 10), SPEAKER, 1));
    assertTrue(e.getMessage().contains("found 2"), e.getMessage());
    assertTrue(e.getMessage().contains("{0=1, 1=1}"), e.getMessage());
    List<Split> three = Splitter.assign(items(3, 1, 2), SPEAKER, 1);
    assertEquals(Set.of(Split.TRAIN, Split.VAL, Split.TEST), new HashSet<>(three));
  }

  @Test
  void fixedSplitsHonouredAndValCarvedFromTrainBySpeaker() {
    List<Splitter.Item> items = new ArrayList<>();
    for (int s = 0; s < 20; s++) {
      Split fixed = s < 15 ? Split.TRAIN : Split.TEST;
      for (int k = 0; k < 3; k++) items.add(new Splitter.Item("r" + s, "s" + s, s % 2, fixed));
    }
    List<Split> splits = Splitter.assign(items, SPEAKER, 5);
    for (int i = 0; i < items.size(); i++) {
      if (items.get(i).fixedSplit() == Split.TEST) assertEquals(Split.TEST, splits.get(i));
      else assertNotEquals(Split.TEST, splits.get(i));
    }
    Map<Split, Set<String>> per = speakersPerSplit(items, splits);
    assertEquals(2, per.get(Split.VAL).size(), "10 % of 15 train speakers, rounded");
    for (var e : splitsPerSpeaker(items, splits).values()) assertEquals(1, e.size());

    // All three fixed: nothing moves.
    List<Splitter.Item> full = new ArrayList<>();
    for (int s = 0; s < 6; s++) full.add(new Splitter.Item("r" + s, "s" + s, 0, Split.values()[s % 3]));
    List<Split> kept = Splitter.assign(full, SPEAKER, 5);
    for (int i = 0; i < full.size(); i++) assertEquals(full.get(i).fixedSplit(), kept.get(i));
  }

  @Test
  void mixedFixedAndFreeIsRefused() {
    List<Splitter.Item> items = new ArrayList<>(items(5, 1, 1));
    items.add(new Splitter.Item("fixed", "x", 0, Split.TEST));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Splitter.assign(items, SPEAKER, 1));
    assertTrue(e.getMessage().contains("rec0"), e.getMessage());
  }

  @Test
  void paperProtocolIsAStratifiedSegmentSplit() {
    List<Splitter.Item> items = items(4, 2, 250); // 1000 segments, 500 per class
    List<Split> splits = Splitter.assign(items, PAPER, 42);
    int[][] count = new int[3][2];
    for (int i = 0; i < items.size(); i++) count[splits.get(i).ordinal()][items.get(i).classIndex()]++;
    assertArrayEquals(new int[] {100, 100}, count[Split.TEST.ordinal()]);
    assertArrayEquals(new int[] {40, 40}, count[Split.VAL.ordinal()]);
    assertArrayEquals(new int[] {360, 360}, count[Split.TRAIN.ordinal()]);
    // Speakers are shared across splits: the paper's optimistic protocol.
    assertTrue(splitsPerSpeaker(items, splits).values().stream().anyMatch(s -> s.size() > 1));
  }

  @Test
  void stratifiedPickLargestRemainder() {
    List<String> keys = new ArrayList<>();
    Map<String, Integer> stratum = new HashMap<>();
    for (int i = 0; i < 10; i++) {
      String k = "k" + i;
      keys.add(k);
      stratum.put(k, i < 7 ? 0 : 1);
    }
    // total round(0.3*10)=3: exact 2.1 and 0.9 -> floors 2, 0; remainder 0.9 wins -> 2 + 1.
    List<String> picked = Splitter.stratifiedPick(keys, stratum, 0.3, new Random(1));
    assertEquals(3, picked.size());
    assertEquals(2, picked.stream().filter(k -> stratum.get(k) == 0).count());
  }

  @Test
  void applyTakesFixedSplitsFromTheCorpus() {
    TaskSpec task = TaskSpec.categorical("phq8_binary", List.of("0", "1"));
    List<Recording> recs = new ArrayList<>();
    List<org.emoaudionet.features.SegmentFeatures> segs = new ArrayList<>();
    for (int s = 0; s < 6; s++) {
      Split fixed = s < 4 ? Split.TRAIN : Split.TEST;
      recs.add(new Recording("p" + s, java.nio.file.Path.of("p" + s + ".wav"), "p" + s, null, fixed,
          new RecordingLabel.Category(String.valueOf(s % 2)), List.of()));
      for (int k = 0; k < 2; k++) {
        segs.add(new org.emoaudionet.features.SegmentFeatures("p" + s, "p" + s, k * 0.5, null, s % 2, Double.NaN,
            new float[1], new byte[3], "original"));
      }
    }
    Corpus c = new Corpus("synthetic", task, recs);
    List<org.emoaudionet.features.SegmentFeatures> out = Splitter.apply(c, segs, SPEAKER, 3);
    assertEquals(12, out.size());
    for (var s : out) {
      int id = Integer.parseInt(s.recordingId().substring(1));
      if (id >= 4) assertEquals(Split.TEST, s.split());
      else assertNotEquals(Split.TEST, s.split());
    }
    // one speaker of each class (2 of 4 train speakers): a validation split must see both classes
    assertEquals(4, out.stream().filter(s -> s.split() == Split.VAL).count(), "2 of 4 train speakers");
    assertEquals(2, out.stream().filter(s -> s.split() == Split.VAL).map(s -> s.classIndex()).distinct().count(),
        "both classes in validation");
    List<org.emoaudionet.features.SegmentFeatures> stray = new ArrayList<>(segs);
    stray.add(new org.emoaudionet.features.SegmentFeatures("zzz", null, 0, null, 0, 0, new float[1], new byte[3], "original"));
    assertThrows(IllegalArgumentException.class, () -> Splitter.apply(c, stray, SPEAKER, 3));
  }
}
