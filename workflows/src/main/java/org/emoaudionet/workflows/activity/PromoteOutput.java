package org.emoaudionet.workflows.activity;

/**
 * What {@code promote} decided.
 *
 * @param decision {@code promoted} or {@code kept}
 * @param championVersion the version holding the alias afterwards
 * @param previousVersion the version that held it before; null when there was no champion
 * @param candidate the candidate's figure of {@code metric}; null when it has none (NaN)
 * @param incumbent the previous champion's figure on the same test set; null when none
 * @param reason one sentence with both figures
 * @param promotionUri S3 URI of {@code promotion.json}
 */
public record PromoteOutput(String decision, String championVersion, String previousVersion,
    String metric, Double candidate, Double incumbent, String reason, String promotionUri,
    String log, int attempt) implements TaskOutput {
  public static final String PROMOTED = "promoted";
  public static final String KEPT = "kept";

  public boolean promoted() {
    return PROMOTED.equals(decision);
  }
}
