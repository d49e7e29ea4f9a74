package org.emoaudionet.worker;

import java.io.IOException;
import org.emoaudionet.mlflow.ModelVersion;
import org.emoaudionet.workflows.activity.PromoteInput;
import org.emoaudionet.workflows.dag.ChampionPolicy;

/**
 * Applies a recorded decision to the alias {@value ChampionPolicy#ALIAS}: moves it to a promoted
 * candidate, or leaves it. On a retry it also leaves it where another version took it in between
 * (a later run's promotion), so that a late retry never takes the alias back.
 */
final class ChampionAlias {
  private final MlflowTracker mlflow;

  ChampionAlias(MlflowTracker mlflow) {
    this.mlflow = mlflow;
  }

  /**
   * @param retried the decision was recorded by an earlier attempt
   * @return the version that holds the alias afterwards
   */
  String apply(PromoteInput in, Promotion p, boolean retried, TaskLog log) throws IOException {
    String moved = retried && p.promoted() ? movedSince(in, p) : null;
    if (moved != null) {
      log.say("alias " + ChampionPolicy.ALIAS + " of " + in.registeredModel()
          + " has moved to version " + moved + " since this decision was recorded; left there");
      return moved;
    }
    if (p.promoted()) {
      mlflow.setAlias(in.registeredModel(), ChampionPolicy.ALIAS, in.candidateVersion());
      log.say("alias " + ChampionPolicy.ALIAS + " of " + in.registeredModel() + " -> version "
          + in.candidateVersion());
    } else {
      log.say("alias " + ChampionPolicy.ALIAS + " of " + in.registeredModel()
          + " stays on version " + p.championVersion());
    }
    return p.championVersion();
  }

  /**
   * The version the alias names now if it is neither the one the decision replaced nor the
   * candidate (a later run took it meanwhile); null when applying the decision again is right.
   */
  private String movedSince(PromoteInput in, Promotion p) throws IOException {
    String now = mlflow.aliasedVersion(in.registeredModel(), ChampionPolicy.ALIAS)
        .map(ModelVersion::version).orElse(null);
    if (now == null || now.equals(in.candidateVersion()) || now.equals(p.previousVersion())) {
      return null;
    }
    return now;
  }
}
