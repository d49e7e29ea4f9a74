package org.emoaudionet.workflows;

import io.temporal.activity.ActivityInterface;

/**
 * Task {@code promote} (queue emo-gpu): gives the new model version the MLflow alias
 * {@value ChampionPolicy#ALIAS} only if it beats the current champion on this run's test set.
 */
@ActivityInterface
public interface PromoteActivity {
  PromoteOutput promote(PromoteInput input);
}
