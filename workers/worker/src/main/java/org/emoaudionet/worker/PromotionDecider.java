package org.emoaudionet.worker;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.TreeSet;
import org.emoaudionet.mlflow.ModelVersion;
import org.emoaudionet.workflows.activity.PromoteInput;
import org.emoaudionet.workflows.dag.ChampionPolicy;

/**
 * Decides one promotion: finds the version that holds the alias {@value ChampionPolicy#ALIAS},
 * has it re-scored on this run's test set ({@link IncumbentScorer}) and lets
 * {@link ChampionDecision} rule. Moves nothing: the caller records the decision first.
 */
final class PromotionDecider {
  private final WorkerContext ctx;

  PromotionDecider(WorkerContext ctx) {
    this.ctx = ctx;
  }

  /** The candidate's figure as evaluate logged it; a metric evaluate never logs is a DAG error. */
  static double candidateFigure(PromoteInput in) {
    Double v = in.candidateMetrics().get(in.policy().metric());
    if (v == null) {
      throw new IllegalArgumentException("champion metric '" + in.policy().metric()
          + "' of DAG " + in.dagId() + " is not among the test metrics evaluate logged: "
          + new TreeSet<>(in.candidateMetrics().keySet()));
    }
    return v;
  }

  /** @param dir this attempt's scratch folder, where the champion's model is fetched to */
  Promotion decide(PromoteInput in, double candidate, Path dir, TaskLog log) throws IOException {
    ChampionPolicy policy = in.policy();
    String name = in.registeredModel();
    String version = in.candidateVersion();
    Optional<ModelVersion> champ =
        ctx.mlflow.aliasedVersion(name, ChampionPolicy.ALIAS);
    if (champ.isEmpty()) {
      log.say(name + " has no " + ChampionPolicy.ALIAS + " yet");
      return Promotion.of(in, ChampionDecision.noChampion(policy, version, candidate), candidate,
          null, Double.NaN);
    }
    String previous = champ.get().version();
    if (previous.equals(version)) {
      return Promotion.of(in, ChampionDecision.alreadyChampion(version), candidate, previous,
          Double.NaN);
    }
    log.say("champion is version " + previous + " (MLflow run " + champ.get().runId()
        + "); scoring it on this run's test set");
    IncumbentScorer.Incumbent inc = new IncumbentScorer(ctx).score(in, champ.get(), dir, log);
    ChampionDecision d = inc.unusable() != null
        ? ChampionDecision.incomparable(policy, version, candidate, previous, inc.unusable())
        : ChampionDecision.compare(policy, version, candidate, previous, inc.figure());
    return Promotion.of(in, d, candidate, previous, inc.figure());
  }
}
