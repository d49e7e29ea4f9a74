package org.emoaudionet.data;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.emoaudionet.audio.AudioReader;
import org.emoaudionet.pipeline.CorpusLoader;
import org.emoaudionet.pipeline.DatasetUri;
import org.emoaudionet.pipeline.SampleCorpora;
import org.junit.jupiter.api.Test;

/** Speakers and minutes chosen as the paper chose LibriSpeech's, on the bundled SYNTHETIC manifest. */
class CorpusSelectionTest {
  static Corpus sample() throws Exception {
    return CorpusLoader.load(DatasetUri.parse("manifest:"
        + SampleCorpora.root().resolve("manifest/manifest.csv")), "label");
  }

  @Test
  void speakersAreTakenInIdOrderAlternatingOverGender() throws Exception {
    Corpus c = sample();
    Corpus four = CorpusSelection.select(c, 4, null);
    Map<String, String> gender = new TreeMap<>();
    for (Recording r : four.recordings()) gender.put(r.speaker(), r.gender());
    assertEquals(4, gender.size(), gender.toString());
    assertEquals(2, gender.values().stream().filter("F"::equals).count(), gender.toString());
    assertEquals(2, gender.values().stream().filter("M"::equals).count(), gender.toString());
    // every recording of the chosen speakers, in corpus order
    List<Recording> expected = c.recordings().stream()
        .filter(r -> gender.containsKey(r.speaker())).toList();
    assertEquals(expected, four.recordings());
    assertEquals(four, CorpusSelection.select(c, 4, null), "deterministic");
    assertSame(c, CorpusSelection.select(c, null, null));
  }

  @Test
  void minutesPerSpeakerStopsBeforeTheRecordingThatWouldPassThem() throws Exception {
    Corpus c = sample();
    double capSeconds = 4.0;
    Corpus cut = CorpusSelection.select(c, null, capSeconds / 60);
    Set<String> speakers = new TreeSet<>();
    c.recordings().forEach(r -> speakers.add(r.speaker()));
    Map<String, Double> total = new TreeMap<>();
    for (Recording r : cut.recordings()) {
      total.merge(r.speaker(), AudioReader.read(r.audio()).durationSeconds(), Double::sum);
    }
    assertEquals(speakers, total.keySet(), "every speaker keeps at least one recording");
    assertTrue(cut.recordings().size() < c.recordings().size());
    for (var e : total.entrySet()) {
      long n = cut.recordings().stream().filter(r -> r.speaker().equals(e.getKey())).count();
      assertTrue(n == 1 || e.getValue() <= capSeconds + 1e-9, e.getKey() + ": " + e.getValue() + " s");
    }
  }

  @Test
  void badLimitsAreRefusedNamingThem() throws Exception {
    Corpus c = sample();
    assertTrue(assertThrows(IllegalArgumentException.class, () -> CorpusSelection.select(c, 0, null))
        .getMessage().contains("speakers"));
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> CorpusSelection.select(c, null, -1.0)).getMessage().contains("minutes_per_speaker"));
  }
}
