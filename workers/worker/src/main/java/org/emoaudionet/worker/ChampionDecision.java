package org.emoaudionet.worker;

import java.util.Locale;
import org.emoaudionet.workflows.activity.PromoteOutput;
import org.emoaudionet.workflows.dag.ChampionPolicy;

/**
 * The promotion rule, figures in and a decision with its sentence out. Pure (no MLflow, no S3), so
 * every edge (NaN, ties, lower-is-better, no champion) is unit-tested on its own.
 *
 * @param decision {@link PromoteOutput#PROMOTED} or {@link PromoteOutput#KEPT}
 * @param reason one sentence naming both versions and both figures
 */
public record ChampionDecision(String decision, String reason) {

  public boolean promoted() {
    return PromoteOutput.PROMOTED.equals(decision);
  }

  /** The first version of a model is champion whatever its figure: there is nothing to beat. */
  static ChampionDecision noChampion(ChampionPolicy policy, String candidateVersion,
      double candidate) {
    return new ChampionDecision(PromoteOutput.PROMOTED, "no champion yet: version "
        + candidateVersion + " (" + policy.metric() + " " + fmt(candidate) + ") becomes champion");
  }

  /** Candidate and champion scored on the same test set; the policy's strict rule decides. */
  static ChampionDecision compare(ChampionPolicy policy, String candidateVersion, double candidate,
      String championVersion, double incumbent) {
    String direction = policy.higherIsBetter() ? "higher is better" : "lower is better";
    String both = "version " + candidateVersion + "'s " + policy.metric() + " " + fmt(candidate);
    String theirs = "champion version " + championVersion + "'s " + fmt(incumbent);
    if (policy.beats(candidate, incumbent)) {
      return new ChampionDecision(PromoteOutput.PROMOTED,
          both + " beats " + theirs + " on the same test set (" + direction + ")");
    }
    if (Double.isNaN(candidate)) {
      return new ChampionDecision(PromoteOutput.KEPT,
          both + " is not a number, which never beats " + theirs + " on the same test set");
    }
    if (Double.compare(candidate, incumbent) == 0) {
      return new ChampionDecision(PromoteOutput.KEPT,
          both + " ties " + theirs + " on the same test set; a tie keeps the champion");
    }
    return new ChampionDecision(PromoteOutput.KEPT,
        both + " does not beat " + theirs + " on the same test set (" + direction + ")");
  }

  /** The champion cannot score this test set (other task, classes or feature settings). */
  static ChampionDecision incomparable(ChampionPolicy policy, String candidateVersion,
      double candidate, String championVersion, String why) {
    return new ChampionDecision(PromoteOutput.KEPT, "champion version " + championVersion
        + " cannot score this run's test set (" + why + "), so version " + candidateVersion
        + " (" + policy.metric() + " " + fmt(candidate) + ") is not compared and the champion stays");
  }

  /** The alias already names the candidate: an earlier attempt (or a person) set it. */
  static ChampionDecision alreadyChampion(String candidateVersion) {
    return new ChampionDecision(PromoteOutput.PROMOTED, "version " + candidateVersion
        + " already holds the alias " + ChampionPolicy.ALIAS);
  }

  /** Four decimals, the way the run table prints metrics; NaN as such. */
  static String fmt(double v) {
    return Double.isNaN(v) ? "NaN" : String.format(Locale.ROOT, "%.4f", v);
  }
}
