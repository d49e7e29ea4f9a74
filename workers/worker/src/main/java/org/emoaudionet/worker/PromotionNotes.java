package org.emoaudionet.worker;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.emoaudionet.workflows.activity.PromoteInput;

/**
 * What a promotion decision leaves in MLflow, where people look for it: on the candidate's run
 * the decision as tags, the two figures as metrics and promotion.json as an artifact; on the
 * candidate's registry version the same words as tags, since the registry UI lists versions.
 */
final class PromotionNotes {
  private final MlflowTracker mlflow;

  PromotionNotes(MlflowTracker mlflow) {
    this.mlflow = mlflow;
  }

  /** @param file the promotion.json the decision was recorded in */
  void onRun(String runId, Promotion p, Path file) throws IOException {
    Map<String, String> tags = new LinkedHashMap<>();
    tags.put(VersionNotes.DECISION, p.decision());
    tags.put(VersionNotes.REASON, p.reason());
    tags.put(VersionNotes.METRIC, p.metric());
    tags.put("emo.champion.previous_version",
        p.previousVersion() == null ? "none" : p.previousVersion());
    mlflow.setTags(runId, tags);
    Map<String, Double> metrics = new LinkedHashMap<>();
    metrics.put("champion_candidate_" + p.metric(), p.candidate());
    metrics.put("champion_incumbent_" + p.metric(), p.incumbent()); // NaN (none) is not logged
    mlflow.logMetrics(runId, metrics, 0);
    mlflow.logArtifact(runId, file, PromotionRecord.FILE);
  }

  void onVersion(PromoteInput in, Promotion p) throws IOException {
    mlflow.setModelVersionTags(in.registeredModel(), in.candidateVersion(), Map.of(
        VersionNotes.DECISION, p.decision(), VersionNotes.REASON, p.reason(),
        VersionNotes.METRIC, p.metric()));
  }
}
