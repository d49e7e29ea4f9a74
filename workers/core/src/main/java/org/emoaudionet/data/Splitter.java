package org.emoaudionet.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.emoaudionet.config.PipelineConfig;
import org.emoaudionet.features.SegmentFeatures;
import org.emoaudionet.features.SegmentLabels;
import org.emoaudionet.spec.SplitProtocol;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Assigns TRAIN/VAL/TEST to segments.
 *
 * <p>{@code speaker} protocol (default): no speaker in two splits. Speakers are stratified by
 * their majority class: about {@code testFraction} of each class's speakers go to TEST, then
 * {@code valFraction} of the remaining ones to VAL. Splits fixed by the corpus are honoured; a
 * missing VAL (or TEST) is carved from the TRAIN speakers the same way.
 *
 * <p>{@code paper} protocol: the paper's random stratified segment split (TEST {@code
 * testFraction}, then VAL {@code valFraction} of the rest), ignoring speakers and fixed splits.
 * Segments of one recording then land in several splits, which makes the scores optimistic.
 *
 * <p>K-fold ({@code split.folds = K >= 2}, speaker protocol only): every speaker is dealt to one
 * of K folds, stratified by majority class (each class's speakers shuffled by the seed, then dealt
 * round-robin, continuing across classes so that the folds stay within one speaker of each
 * other); fold {@code split.fold} is TEST, and {@code valFraction} of the other speakers VAL. The
 * corpus's fixed splits are ignored, since the K test folds together cover every speaker.
 *
 * <p>All are deterministic for a seed; neither depends on the order of the recordings (the
 * {@code paper} protocol tells a recording's segments apart by their order within it).
 */
public final class Splitter {
  private static final Logger LOG = LoggerFactory.getLogger(Splitter.class);

  private Splitter() {}

  /**
   * One segment to place.
   *
   * @param speaker null means the recording is its own speaker
   * @param fixedSplit the split the corpus gives, or null
   */
  public record Item(String recordingId, String speaker, int classIndex, Split fixedSplit) {
    String speakerKey() {
      return speaker != null ? speaker : "recording:" + recordingId;
    }
  }

  /**
   * Gives each segment its split: the corpus supplies the fixed splits (by recording id), the
   * segments their speaker and class. What the preprocessing calls once all segments are cut.
   */
  public static List<SegmentFeatures> apply(Corpus corpus,
      List<SegmentFeatures> segments, PipelineConfig.SplitConfig config, long seed) {
    List<Split> splits = assign(corpus, segments, config, seed);
    List<SegmentFeatures> out = new ArrayList<>(segments.size());
    for (int i = 0; i < segments.size(); i++) out.add(segments.get(i).withSplit(splits.get(i)));
    return out;
  }

  /**
   * The split of each segment from its labels alone, as {@link #apply} gives it: what a sharded
   * data set uses, whose features are written before the splits are known.
   */
  public static List<Split> assign(Corpus corpus, List<? extends SegmentLabels> segments,
      PipelineConfig.SplitConfig config, long seed) {
    Map<String, Recording> byId = new HashMap<>();
    for (Recording r : corpus.recordings()) byId.put(r.id(), r);
    List<Item> items = new ArrayList<>(segments.size());
    for (var s : segments) {
      Recording r = byId.get(s.recordingId());
      if (r == null) {
        throw new IllegalArgumentException("segment of recording '" + s.recordingId() + "' is not in corpus "
            + corpus.name());
      }
      items.add(new Item(s.recordingId(), s.speaker() != null ? s.speaker() : r.speaker(), s.classIndex(),
          r.split()));
    }
    return assign(items, config, seed);
  }

  /**
   * The same from the segments alone, their own split standing for the corpus's fixed one: what a
   * sharded data set uses, whose shards carry each recording's speaker and fixed split. Equal to
   * {@link #assign(Corpus, List, PipelineConfig.SplitConfig, long)} on segments cut from that
   * corpus. Augmented copies (origin other than {@code original}, written beside their originals
   * in a sharded run) take no part in the assignment: a copy is TRAIN where its original (same
   * recording and start) is TRAIN, and in no split (null: never read) where it is not, so no copy
   * of a validation or test speaker is trained on.
   */
  public static List<Split> fromLabels(List<? extends SegmentLabels> segments,
      PipelineConfig.SplitConfig config, long seed) {
    List<Item> items = new ArrayList<>(segments.size());
    List<Integer> originals = new ArrayList<>(segments.size());
    for (int i = 0; i < segments.size(); i++) {
      SegmentLabels s = segments.get(i);
      if (!isOriginal(s)) continue;
      originals.add(i);
      items.add(new Item(s.recordingId(), s.speaker(), s.classIndex(), s.split()));
    }
    List<Split> assigned = assign(items, config, seed);
    Split[] out = new Split[segments.size()];
    Map<String, Split> bySource = new HashMap<>();
    for (int j = 0; j < originals.size(); j++) {
      int i = originals.get(j);
      out[i] = assigned.get(j);
      bySource.put(segments.get(i).recordingId() + "@" + segments.get(i).startSeconds(), out[i]);
    }
    for (int i = 0; i < segments.size(); i++) {
      SegmentLabels s = segments.get(i);
      if (isOriginal(s)) continue;
      Split source = bySource.get(s.recordingId() + "@" + s.startSeconds());
      out[i] = source == Split.TRAIN ? Split.TRAIN : null;
    }
    return java.util.Arrays.asList(out);
  }

  private static boolean isOriginal(SegmentLabels s) {
    return s.origin() == null || s.origin().equals("original");
  }

  /** The split of each item, in the items' order. */
  public static List<Split> assign(List<Item> items, PipelineConfig.SplitConfig config, long seed) {
    if (items.isEmpty()) return List.of();
    checkFractions(config);
    SplitProtocol protocol = SplitProtocol.parse(config.protocol());
    if (config.folds() > 0 && protocol != SplitProtocol.SPEAKER) {
      throw new IllegalArgumentException("split.folds needs the 'speaker' protocol, got '" + config.protocol() + "'");
    }
    Split[] out = switch (protocol) {
      case SPEAKER -> config.folds() > 0 ? byFold(items, config, seed) : bySpeaker(items, config, seed);
      case PAPER -> bySegment(items, config, seed);
    };
    return List.of(out);
  }

  private static void checkFractions(PipelineConfig.SplitConfig c) {
    if (!(c.testFraction() > 0 && c.testFraction() < 1) || !(c.valFraction() >= 0 && c.valFraction() < 1)) {
      throw new IllegalArgumentException("split fractions must satisfy 0 < testFraction < 1 and "
          + "0 <= valFraction < 1, got test " + c.testFraction() + ", val " + c.valFraction());
    }
  }

  // ---- speaker protocol ----

  private static Split[] bySpeaker(List<Item> items, PipelineConfig.SplitConfig c, long seed) {
    Map<String, List<Integer>> members = new TreeMap<>();
    for (int i = 0; i < items.size(); i++) {
      members.computeIfAbsent(items.get(i).speakerKey(), k -> new ArrayList<>()).add(i);
    }
    Map<String, Integer> majority = new HashMap<>();
    for (var e : members.entrySet()) majority.put(e.getKey(), majorityClass(items, e.getValue()));

    Map<String, Split> speakerSplit = new HashMap<>();
    long fixed = items.stream().filter(it -> it.fixedSplit() != null).count();
    if (fixed == 0) {
      List<String> all = new ArrayList<>(members.keySet());
      if (all.size() < 3) {
        throw new IllegalArgumentException("a speaker split needs at least 3 speakers (one each for "
            + "train, val and test), found " + all.size() + " " + perClass(all, majority)
            + "; use the 'paper' protocol or add speakers");
      }
      List<String> test = stratifiedPick(all, majority, c.testFraction(), new Random(seed));
      List<String> rest = new ArrayList<>(all);
      rest.removeAll(test);
      if (c.valFraction() > 0 && rest.size() < 2) {
        throw new IllegalArgumentException("a speaker split with test fraction " + c.testFraction()
            + " leaves " + rest.size() + " of " + all.size() + " speakers for train and val "
            + perClass(all, majority) + "; at least 2 are needed");
      }
      List<String> val = c.valFraction() > 0
          ? stratifiedPick(rest, majority, c.valFraction(), new Random(seed * 31 + 7)) : List.of();
      for (String s : all) speakerSplit.put(s, Split.TRAIN);
      for (String s : test) speakerSplit.put(s, Split.TEST);
      for (String s : val) speakerSplit.put(s, Split.VAL);
    } else {
      if (fixed < items.size()) {
        Item loose = items.stream().filter(it -> it.fixedSplit() == null).findFirst().orElseThrow();
        throw new IllegalArgumentException("recording " + loose.recordingId() + " has no split while "
            + fixed + " of " + items.size() + " segments have one: give every recording a split or none");
      }
      return honourFixed(items, members, majority, c, seed);
    }
    Split[] out = new Split[items.size()];
    for (int i = 0; i < out.length; i++) out[i] = speakerSplit.get(items.get(i).speakerKey());
    return out;
  }

  private static Split[] byFold(List<Item> items, PipelineConfig.SplitConfig c, long seed) {
    Map<String, List<Integer>> members = new TreeMap<>();
    for (int i = 0; i < items.size(); i++) {
      members.computeIfAbsent(items.get(i).speakerKey(), k -> new ArrayList<>()).add(i);
    }
    Map<String, Integer> majority = new HashMap<>();
    for (var e : members.entrySet()) majority.put(e.getKey(), majorityClass(items, e.getValue()));
    if (items.stream().anyMatch(it -> it.fixedSplit() != null)) {
      LOG.info("{}-fold cross-validation: the corpus's fixed splits are ignored", c.folds());
    }
    List<String> all = new ArrayList<>(members.keySet());
    if (all.size() < c.folds() + 1) {
      throw new IllegalArgumentException(c.folds() + "-fold cross-validation needs at least "
          + (c.folds() + 1) + " speakers (one test fold each, and others to train), found " + all.size());
    }
    Map<String, Integer> fold = foldOf(all, majority, c.folds(), seed);
    List<String> test = all.stream().filter(s -> fold.get(s) == c.fold()).toList();
    List<String> rest = all.stream().filter(s -> fold.get(s) != c.fold()).toList();
    List<String> val = c.valFraction() > 0 && rest.size() >= 2
        ? stratifiedPick(rest, majority, c.valFraction(), new Random(seed * 31 + 7 + c.fold())) : List.of();
    Map<String, Split> speakerSplit = new HashMap<>();
    for (String s : rest) speakerSplit.put(s, Split.TRAIN);
    for (String s : val) speakerSplit.put(s, Split.VAL);
    for (String s : test) speakerSplit.put(s, Split.TEST);
    Split[] out = new Split[items.size()];
    for (int i = 0; i < out.length; i++) out[i] = speakerSplit.get(items.get(i).speakerKey());
    return out;
  }

  /** The fold (0..k-1) of each speaker: stratified by majority class, dealt round-robin. */
  static Map<String, Integer> foldOf(List<String> speakers, Map<String, Integer> majority, int k, long seed) {
    Map<Integer, List<String>> byClass = new TreeMap<>();
    List<String> sorted = new ArrayList<>(speakers);
    Collections.sort(sorted);
    for (String s : sorted) byClass.computeIfAbsent(majority.get(s), g -> new ArrayList<>()).add(s);
    Random rnd = new Random(seed);
    Map<String, Integer> out = new HashMap<>();
    int next = 0;
    for (List<String> group : byClass.values()) {
      List<String> g = new ArrayList<>(group);
      Collections.shuffle(g, rnd);
      for (String s : g) out.put(s, next++ % k);
    }
    return out;
  }

  private static Split[] honourFixed(List<Item> items, Map<String, List<Integer>> members,
      Map<String, Integer> majority, PipelineConfig.SplitConfig c, long seed) {
    Split[] out = new Split[items.size()];
    for (int i = 0; i < out.length; i++) out[i] = items.get(i).fixedSplit();
    boolean hasVal = Arrays.asList(out).contains(Split.VAL);
    boolean hasTest = Arrays.asList(out).contains(Split.TEST);
    for (var e : members.entrySet()) {
      long kinds = e.getValue().stream().map(i -> out[i]).distinct().count();
      if (kinds > 1) LOG.warn("speaker {} is in several fixed splits; the corpus's splits are kept", e.getKey());
    }
    if (!hasTest) carve(out, members, majority, Split.TEST, c.testFraction(), new Random(seed));
    if (!hasVal && c.valFraction() > 0) {
      carve(out, members, majority, Split.VAL, c.valFraction(), new Random(seed * 31 + 7));
    }
    return out;
  }

  /** Moves a stratified share of the speakers whose segments are all TRAIN to {@code to}. */
  private static void carve(Split[] out, Map<String, List<Integer>> members, Map<String, Integer> majority,
      Split to, double fraction, Random rnd) {
    List<String> trainOnly = new ArrayList<>();
    for (var e : members.entrySet()) {
      if (e.getValue().stream().allMatch(i -> out[i] == Split.TRAIN)) trainOnly.add(e.getKey());
    }
    if (trainOnly.size() < 2) {
      throw new IllegalArgumentException("cannot carve " + to.wireName() + " from the train split by "
          + "speaker: it has " + trainOnly.size() + " speaker(s) " + perClass(trainOnly, majority)
          + ", at least 2 are needed");
    }
    for (String s : stratifiedPick(trainOnly, majority, fraction, rnd)) {
      for (int i : members.get(s)) out[i] = to;
    }
  }

  private static int majorityClass(List<Item> items, List<Integer> idx) {
    Map<Integer, Integer> counts = new TreeMap<>();
    for (int i : idx) counts.merge(items.get(i).classIndex(), 1, Integer::sum);
    int best = -1;
    int bestCount = -1;
    for (var e : counts.entrySet()) {
      if (e.getValue() > bestCount) {
        best = e.getKey();
        bestCount = e.getValue();
      }
    }
    return best;
  }

  private static String perClass(List<String> speakers, Map<String, Integer> majority) {
    Map<Integer, Integer> n = new TreeMap<>();
    for (String s : speakers) n.merge(majority.get(s), 1, Integer::sum);
    return "(speakers per majority class: " + n + ")";
  }

  /**
   * Picks {@code round(fraction * n)} keys (at least 1, leaving at least 1), spread over the
   * strata in proportion to their sizes (largest remainder), each stratum shuffled by {@code rnd};
   * a stratum of two or more keys always gives at least one.
   */
  static <K extends Comparable<K>> List<K> stratifiedPick(List<K> keys, Map<K, Integer> stratum,
      double fraction, Random rnd) {
    int n = keys.size();
    int total = Math.max(1, Math.min(n - 1, (int) Math.round(fraction * n)));
    Map<Integer, List<K>> groups = new TreeMap<>();
    List<K> sorted = new ArrayList<>(keys);
    Collections.sort(sorted);
    for (K k : sorted) groups.computeIfAbsent(stratum.get(k), g -> new ArrayList<>()).add(k);
    Map<Integer, Integer> quota = new LinkedHashMap<>();
    List<double[]> remainders = new ArrayList<>();
    int given = 0;
    for (var e : groups.entrySet()) {
      double exact = (double) total * e.getValue().size() / n;
      int q = (int) Math.floor(exact);
      quota.put(e.getKey(), q);
      given += q;
      remainders.add(new double[] {exact - q, e.getKey(), e.getValue().size()});
    }
    // Ties go to the larger stratum, then to the lower class index, so the result is stable.
    remainders.sort((a, b) -> a[0] != b[0] ? Double.compare(b[0], a[0])
        : a[2] != b[2] ? Double.compare(b[2], a[2]) : Double.compare(a[1], b[1]));
    for (int i = 0; given < total; i++, given++) {
      int g = (int) remainders.get(i % remainders.size())[1];
      quota.merge(g, 1, Integer::sum);
    }
    // Every class with at least two speakers gets one in the picked split, even when its share
    // rounds to zero: on a small corpus a validation or test split without a class selects and
    // scores models on a degenerate task (e.g. "always male" scoring 100 %).
    for (var e : groups.entrySet()) {
      if (e.getValue().size() >= 2 && quota.get(e.getKey()) == 0) quota.put(e.getKey(), 1);
    }
    List<K> out = new ArrayList<>();
    for (var e : groups.entrySet()) {
      List<K> g = new ArrayList<>(e.getValue());
      Collections.shuffle(g, rnd);
      out.addAll(g.subList(0, Math.min(g.size(), quota.get(e.getKey()))));
    }
    return out;
  }

  // ---- paper protocol ----

  private static Split[] bySegment(List<Item> items, PipelineConfig.SplitConfig c, long seed) {
    if (items.stream().anyMatch(it -> it.fixedSplit() != null)) {
      LOG.warn("'paper' protocol: the corpus's fixed splits are ignored (random segment split, as the paper)");
    }
    if (items.size() < 3) {
      throw new IllegalArgumentException("a split needs at least 3 segments, found " + items.size());
    }
    // Keys that do not depend on input order: recording id, then the item's rank within it.
    List<String> keys = new ArrayList<>();
    Map<String, Integer> stratum = new HashMap<>();
    Map<String, Integer> keyIndex = new HashMap<>();
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < items.size(); i++) {
      Item it = items.get(i);
      int rank = seen.merge(it.recordingId(), 1, Integer::sum);
      String k = it.recordingId() + "\u0000" + String.format("%09d", rank);
      keys.add(k);
      stratum.put(k, it.classIndex());
      keyIndex.put(k, i);
    }
    Split[] out = new Split[items.size()];
    Arrays.fill(out, Split.TRAIN);
    List<String> test = stratifiedPick(keys, stratum, c.testFraction(), new Random(seed));
    for (String k : test) out[keyIndex.get(k)] = Split.TEST;
    List<String> rest = new ArrayList<>(keys);
    rest.removeAll(new HashSet<>(test));
    if (c.valFraction() > 0 && rest.size() >= 2) {
      for (String k : stratifiedPick(rest, stratum, c.valFraction(), new Random(seed * 31 + 7))) {
        out[keyIndex.get(k)] = Split.VAL;
      }
    }
    return out;
  }
}
