package org.emoaudionet.data;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.emoaudionet.audio.AudioReader;

/**
 * A corpus cut down as the paper cut LibriSpeech (40 speakers, about 8 minutes each): at most
 * {@code speakers} speakers, and of each at most {@code minutesPerSpeaker} minutes of audio.
 * Deterministic: speakers are taken in id order, alternating over their genders where the corpus
 * gives them (so 40 LibriSpeech speakers are 20 F and 20 M when both have 20), and each speaker's
 * recordings in corpus order until the next one would pass the minutes (the first one always
 * counts, so no chosen speaker is left empty). A recording with annotated regions (DAIC-WOZ's
 * participant turns) counts their length, one without is decoded for its duration. Recordings
 * without a speaker are their own speaker.
 */
public final class CorpusSelection {
  private CorpusSelection() {}

  /** {@code speakers} and {@code minutesPerSpeaker} may be null: no limit of that kind. */
  public static Corpus select(Corpus corpus, Integer speakers, Double minutesPerSpeaker)
      throws IOException {
    if (speakers == null && minutesPerSpeaker == null) return corpus;
    if (speakers != null && speakers < 1) {
      throw new IllegalArgumentException("speakers must be >= 1, got " + speakers);
    }
    if (minutesPerSpeaker != null && !(minutesPerSpeaker > 0)) {
      throw new IllegalArgumentException("minutes_per_speaker must be > 0, got " + minutesPerSpeaker);
    }
    Set<String> speakerKeys = new TreeSet<>();
    Map<String, String> genderOf = new TreeMap<>();
    for (Recording r : corpus.recordings()) {
      String s = speakerKey(r);
      speakerKeys.add(s);
      if (r.gender() != null && !r.gender().isBlank()) genderOf.putIfAbsent(s, r.gender());
    }
    List<String> chosen = chooseSpeakers(speakerKeys, genderOf,
        speakers == null ? Integer.MAX_VALUE : speakers);
    TreeSet<String> keep = new TreeSet<>(chosen);
    List<Recording> out = new ArrayList<>();
    Map<String, Double> seconds = new TreeMap<>();
    for (Recording r : corpus.recordings()) {
      String s = speakerKey(r);
      if (!keep.contains(s)) continue;
      if (minutesPerSpeaker != null) {
        double had = seconds.getOrDefault(s, 0.0);
        double d = seconds(r);
        if (had > 0 && had + d > minutesPerSpeaker * 60) continue;
        seconds.put(s, had + d);
      }
      out.add(r);
    }
    return new Corpus(corpus.name(), corpus.task(), out);
  }

  private static String speakerKey(Recording r) {
    return r.speaker() != null ? r.speaker() : "recording:" + r.id();
  }

  /** Speakers in id order, dealt round-robin over their genders (one group if none is known). */
  static List<String> chooseSpeakers(Set<String> sorted, Map<String, String> genderOf, int n) {
    Map<String, List<String>> groups = new TreeMap<>();
    for (String s : sorted) {
      groups.computeIfAbsent(genderOf.getOrDefault(s, ""), k -> new ArrayList<>()).add(s);
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; out.size() < n; i++) {
      boolean any = false;
      for (List<String> g : groups.values()) {
        if (i < g.size() && out.size() < n) {
          out.add(g.get(i));
          any = true;
        }
      }
      if (!any) break;
    }
    return out;
  }

  private static double seconds(Recording r) throws IOException {
    if (!r.regions().isEmpty()) {
      double sum = 0;
      for (TimeSpan t : r.regions()) sum += t.length();
      return sum;
    }
    try {
      return AudioReader.read(r.audio()).durationSeconds();
    } catch (IOException | RuntimeException unreadable) {
      // kept at no cost: preprocessing reports it unusable with its reason, as for any corpus
      return 0;
    }
  }
}
