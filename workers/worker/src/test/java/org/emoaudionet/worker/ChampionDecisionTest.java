package org.emoaudionet.worker;

import static org.junit.jupiter.api.Assertions.*;

import org.emoaudionet.workflows.dag.ChampionPolicy;
import org.junit.jupiter.api.Test;

/** The promotion rule on its own: strictness, NaN, direction, and the sentence it logs. */
class ChampionDecisionTest {
  static final ChampionPolicy F1 = new ChampionPolicy("test_f1_macro", true);
  static final ChampionPolicy RMSE = new ChampionPolicy("test_rmse", false);

  @Test
  void higherIsBetterPromotesOnlyAStrictlyHigherFigure() {
    ChampionDecision up = ChampionDecision.compare(F1, "2", 0.70, "1", 0.65);
    assertTrue(up.promoted());
    assertEquals("version 2's test_f1_macro 0.7000 beats champion version 1's 0.6500 on the same"
        + " test set (higher is better)", up.reason());
    ChampionDecision down = ChampionDecision.compare(F1, "3", 0.60, "2", 0.70);
    assertFalse(down.promoted());
    assertEquals("kept", down.decision());
    assertTrue(down.reason().contains("0.6000 does not beat champion version 2's 0.7000"),
        down.reason());
  }

  @Test
  void aTieKeepsTheChampion() {
    ChampionDecision tie = ChampionDecision.compare(F1, "3", 0.5, "2", 0.5);
    assertFalse(tie.promoted());
    assertTrue(tie.reason().contains("ties champion version 2's 0.5000"), tie.reason());
    assertFalse(ChampionDecision.compare(RMSE, "3", 0.3, "2", 0.3).promoted());
  }

  @Test
  void lowerIsBetterPromotesTheSmallerError() {
    ChampionDecision lower = ChampionDecision.compare(RMSE, "2", 0.30, "1", 0.40);
    assertTrue(lower.promoted());
    assertTrue(lower.reason().endsWith("(lower is better)"), lower.reason());
    assertFalse(ChampionDecision.compare(RMSE, "3", 0.45, "2", 0.30).promoted());
  }

  @Test
  void aNaNCandidateNeverWinsAndANaNChampionAlwaysLoses() {
    ChampionDecision nan = ChampionDecision.compare(F1, "3", Double.NaN, "2", 0.1);
    assertFalse(nan.promoted());
    assertTrue(nan.reason().contains("NaN is not a number, which never beats champion version"
        + " 2's 0.1000"), nan.reason());
    assertFalse(ChampionDecision.compare(RMSE, "3", Double.NaN, "2", Double.NaN).promoted(),
        "NaN against NaN keeps the champion");
    ChampionDecision overNan = ChampionDecision.compare(RMSE, "3", 0.9, "2", Double.NaN);
    assertTrue(overNan.promoted());
    assertTrue(overNan.reason().contains("champion version 2's NaN"), overNan.reason());
  }

  @Test
  void theFirstVersionBecomesChampionWhateverItsFigure() {
    ChampionDecision first = ChampionDecision.noChampion(F1, "1", 0.1);
    assertTrue(first.promoted());
    assertEquals("no champion yet: version 1 (test_f1_macro 0.1000) becomes champion",
        first.reason());
    assertTrue(ChampionDecision.noChampion(F1, "1", Double.NaN).promoted());
  }

  @Test
  void aChampionThatCannotScoreTheTestSetStays() {
    ChampionDecision d = ChampionDecision.incomparable(F1, "4", 0.99, "2",
        "its classes [a, b] differ from this test set's [a, b, c]");
    assertFalse(d.promoted());
    assertTrue(d.reason().startsWith("champion version 2 cannot score this run's test set (its"
        + " classes [a, b]"), d.reason());
    assertTrue(d.reason().contains("version 4 (test_f1_macro 0.9900) is not compared"), d.reason());
  }
}
