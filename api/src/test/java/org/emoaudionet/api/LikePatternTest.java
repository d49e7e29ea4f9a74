package org.emoaudionet.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ILIKE '%pattern%' semantics, and no backtracking blow-up on hostile patterns. */
class LikePatternTest {
  private static boolean like(String pattern, String text) {
    return LikePattern.compile(pattern).matches(text);
  }

  @Test
  void plainTextIsASubstringMatch() {
    assertTrue(like("arous", "recola_arousal"));
    assertTrue(like("recola_arousal", "recola_arousal"));
    assertFalse(like("valence", "recola_arousal"));
    assertTrue(like("", "anything"), "an empty pattern is '%%': everything");
  }

  @Test
  void prefixAndSuffixAreStillSubstringsBecauseThePatternIsWrapped() {
    // '%' inside is one more wildcard; the wrapping '%...%' makes "recola%" a substring test.
    assertTrue(like("recola%", "recola_arousal"));
    assertTrue(like("%arousal", "recola_arousal"));
    assertTrue(like("rec%sal", "recola_arousal"));
    assertFalse(like("sal%rec", "recola_arousal"), "pieces must come in order");
    assertTrue(like("a%a%a", "banana"));
    assertFalse(like("a%a%a%a", "banana"), "three a's only");
  }

  @Test
  void underscoreIsExactlyOneCharacter() {
    assertTrue(like("recola_a", "recola_arousal"));
    assertTrue(like("recola_arous_l", "recola_arousal"));
    assertTrue(like("r_c_l_", "recola"));
    assertFalse(like("recola___________", "recola_arousal"), "11 after recola, only 8 there");
    assertTrue(like("recola________", "recola_arousal"), "exactly 8");
    assertTrue(like("_", "x"));
    assertFalse(like("_", ""));
    assertTrue(like("é_", "éa"), "one code point, not one UTF-16 unit");
    assertTrue(like("a_b", "a\uD83D\uDE00b"), "a surrogate pair is one character");
  }

  @Test
  void backslashTakesTheNextCharacterLiterally() {
    assertTrue(like("recola\\_a", "recola_arousal"));
    assertFalse(like("recola\\_a", "recolaXarousal"), "an escaped _ is not a wildcard");
    assertTrue(like("100\\%", "100% done"));
    assertFalse(like("100\\%", "1000 done"));
  }

  @Test
  void barSeparatesAlternatives() {
    LikePattern p = LikePattern.compile("gender|valence");
    assertTrue(p.matches("librispeech_gender_pretrain"));
    assertTrue(p.matches("recola_valence"));
    assertFalse(p.matches("recola_arousal"));
    assertTrue(like("nothing|", "x"), "an empty alternative matches all, as '%%' does");
  }

  @Test
  void caseIsIgnored() {
    assertTrue(like("RECOLA_Arousal", "recola_arousal"));
    assertTrue(like("recola", "ReCoLa_AROUSAL"));
    assertTrue(like("ǅ", "ǆ"), "title-case digraph folds with its lower case");
  }

  /** Nine '%' then '!': a regex '.*' nine deep backtracks for ever on ids without '!'. */
  @Test
  void nineWildcardsThenAMissingCharacterIsFastOnManyIds() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) ids.add(("dag_" + i + "_").repeat(250).substring(0, 250));
    LikePattern p = LikePattern.compile("%".repeat(9) + "!");
    long t0 = System.nanoTime();
    long hits = ids.stream().filter(p::matches).count();
    long ms = (System.nanoTime() - t0) / 1_000_000;
    assertEquals(0, hits);
    assertTrue(ms < 1000, "10,000 ids of 250 characters took " + ms + " ms");
    System.out.println("LikePatternTest: nine-% pattern over 10,000 ids: " + ms + " ms");
  }

  /** '%a%a%a%a%b' on 250 a's: O(n^5) for a backtracking matcher, one pass here. */
  @Test
  void repeatedPiecesAgainstALongRunIdAreFast() {
    String runId = "a".repeat(250);
    LikePattern p = LikePattern.compile("%a%a%a%a%b");
    long t0 = System.nanoTime();
    boolean hit = false;
    for (int i = 0; i < 1000; i++) hit |= p.matches(runId);
    long ms = (System.nanoTime() - t0) / 1_000_000;
    assertFalse(hit);
    assertTrue(like("%a%a%a%a%b", runId + "b"), "and it does match when the b is there");
    assertTrue(ms < 1000, "1,000 matches took " + ms + " ms");
    System.out.println("LikePatternTest: %a%a%a%a%b x 1,000 on 250 a's: " + ms + " ms");
  }
}
