package org.emoaudionet.workflows.activity;

import java.util.Map;
import org.emoaudionet.workflows.conf.RunConf;
import org.emoaudionet.workflows.dag.ChampionPolicy;

/**
 * Compare the registered candidate with the champion of {@code registeredModel} on the TEST split
 * of {@code features}, the split evaluate scored the candidate on.
 *
 * @param features the feature set evaluate used (its TEST split is the common ground)
 * @param participantLevel score per recording too, as evaluate did, so participant metrics exist
 * @param candidateModelKey S3 key of the candidate's model.tar.gz
 * @param registeredModel {@code emoaudionet-<dag_id>}
 * @param candidateVersion the version register made of this run's model
 * @param candidateMetrics evaluate's test metrics of the candidate ({@code test_f1_macro}, ...)
 * @param policy the DAG's metric and direction
 */
public record PromoteInput(String dagId, String dagRunId, RunConf conf, FeaturesRef features,
    boolean participantLevel, String candidateModelKey, String registeredModel,
    String candidateVersion, Map<String, Double> candidateMetrics, ChampionPolicy policy,
    String mlflowRunId) {
  public PromoteInput {
    candidateMetrics = Map.copyOf(candidateMetrics);
  }
}
