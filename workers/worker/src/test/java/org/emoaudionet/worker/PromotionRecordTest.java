package org.emoaudionet.worker;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * promotion.json through the {@link Promotion} binding: byte for byte the file promote wrote
 * when it built it field by field (the expected texts below are that code's output), and such a
 * file reads back, no figure (null) as NaN.
 */
class PromotionRecordTest {
  @TempDir Path tmp;

  static Promotion kept(String previous, double candidate, double incumbent) {
    return new Promotion("audio_manifest_classification", "manual__v3",
        "emoaudionet-audio_manifest_classification", "champion", "test_f1_macro", true, "3",
        candidate, previous, incumbent, "kept", "why", "2", "s3://emo/cache/x.emof");
  }

  static final String WITH_INCUMBENT = """
      {
        "dag_id" : "audio_manifest_classification",
        "dag_run_id" : "manual__v3",
        "registered_model" : "emoaudionet-audio_manifest_classification",
        "alias" : "champion",
        "metric" : "test_f1_macro",
        "higher_is_better" : true,
        "candidate_version" : "3",
        "candidate" : 0.25,
        "previous_version" : "2",
        "incumbent" : 0.5,
        "decision" : "kept",
        "reason" : "why",
        "champion_version" : "2",
        "test_set" : "s3://emo/cache/x.emof"
      }""";

  static final String NO_INCUMBENT = """
      {
        "dag_id" : "audio_manifest_classification",
        "dag_run_id" : "manual__v3",
        "registered_model" : "emoaudionet-audio_manifest_classification",
        "alias" : "champion",
        "metric" : "test_f1_macro",
        "higher_is_better" : true,
        "candidate_version" : "3",
        "candidate" : 1.0,
        "previous_version" : null,
        "incumbent" : null,
        "decision" : "kept",
        "reason" : "why",
        "champion_version" : "2",
        "test_set" : "s3://emo/cache/x.emof"
      }""";

  @Test
  void writesTheFileAsPromoteAlwaysHas() throws Exception {
    Path f = tmp.resolve("a.json");
    PromotionRecord.write(kept("2", 0.25, 0.5), f);
    assertEquals(WITH_INCUMBENT, Files.readString(f));
    PromotionRecord.write(kept(null, 1.0, Double.NaN), f);
    assertEquals(NO_INCUMBENT, Files.readString(f));
    // an infinity is no figure either: JSON has no token for it
    PromotionRecord.write(kept(null, 1.0, Double.POSITIVE_INFINITY), f);
    assertEquals(NO_INCUMBENT, Files.readString(f));
  }

  @Test
  void writtenThenReadIsTheSame() throws Exception {
    Path f = tmp.resolve("b.json");
    Promotion p = kept("2", 0.1234567890123, 0.5);
    PromotionRecord.write(p, f);
    assertEquals(p, PromotionRecord.read(f));
    Promotion none = kept(null, Double.NaN, Double.NaN);
    PromotionRecord.write(none, f);
    Promotion back = PromotionRecord.read(f);
    assertTrue(Double.isNaN(back.candidate()) && Double.isNaN(back.incumbent()), back.toString());
    assertNull(back.previousVersion());
    assertEquals(none, back); // records compare doubles as Double.compare does: NaN equals NaN
  }

  @Test
  void readsAFileInTodaysFormat() throws Exception {
    Path f = Files.writeString(tmp.resolve("c.json"), NO_INCUMBENT);
    Promotion p = PromotionRecord.read(f);
    assertEquals("kept", p.decision());
    assertFalse(p.promoted());
    assertEquals("why", p.reason());
    assertEquals("test_f1_macro", p.metric());
    assertTrue(p.higherIsBetter());
    assertEquals("3", p.candidateVersion());
    assertEquals("emoaudionet-audio_manifest_classification", p.registeredModel());
    assertEquals(1.0, p.candidate());
    assertNull(p.previousVersion());
    assertTrue(Double.isNaN(p.incumbent()), "null incumbent: no figure");
    assertEquals("2", p.championVersion());
    assertEquals("s3://emo/cache/x.emof", p.testSet());
    assertEquals(0.5, PromotionRecord.read(
        Files.writeString(tmp.resolve("d.json"), WITH_INCUMBENT)).incumbent());
  }

  @Test
  void aMissingOrNonNumericFigureIsNoFigureAndUnknownFieldsAreIgnored() throws Exception {
    Path f = Files.writeString(tmp.resolve("e.json"), """
        {"decision": "promoted", "candidate_version": "1", "registered_model": "m",
         "incumbent": "NaN", "added_later": {"x": 1}}""");
    Promotion p = PromotionRecord.read(f);
    assertTrue(p.promoted());
    assertTrue(Double.isNaN(p.candidate()), "missing");
    assertTrue(Double.isNaN(p.incumbent()), "a string");
    assertNull(p.previousVersion());
  }
}
