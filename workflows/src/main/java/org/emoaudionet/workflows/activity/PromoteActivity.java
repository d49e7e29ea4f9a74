package org.emoaudionet.workflows.activity;

import io.temporal.activity.ActivityInterface;

/**
 * Task {@code promote} (queue emo-gpu): gives the new model version the MLflow alias
 * {@code champion} ({@code ChampionPolicy.ALIAS}) only if it beats the current champion on this run's test set.
 */
@ActivityInterface
public interface PromoteActivity {
  PromoteOutput promote(PromoteInput input);
}
