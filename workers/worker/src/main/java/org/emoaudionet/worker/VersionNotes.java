package org.emoaudionet.worker;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * What a registered model version says about itself in MLflow's registry UI, where the run is a
 * click away: a description (Markdown) naming the DAG run, the network, the preset and the test
 * figures, and tags the version list shows and a registry search can match
 * ({@code tags.`emo.champion.decision` = 'promoted'}), figures with four decimals as the run table
 * prints them. {@code promote} adds the champion decision and its reason as tags.
 */
final class VersionNotes {
  /** Version tags set by promote. */
  static final String DECISION = "emo.champion.decision";
  static final String REASON = "emo.champion.reason";
  static final String METRIC = "emo.champion.metric";

  private VersionNotes() {}

  /** The test metrics of the run, its DAG run and its model in S3. */
  static Map<String, String> tags(String dagRunId, String modelUri, Map<String, Double> metrics) {
    Map<String, String> t = new LinkedHashMap<>();
    t.put("emo.dag_run_id", dagRunId);
    t.put(RunTags.MODEL_URI, modelUri);
    testMetrics(metrics).forEach((k, v) -> t.put(k, ChampionDecision.fmt(v)));
    return t;
  }

  /**
   * @param params the run's params ({@code conf.preset}, {@code conf.arch}, ...)
   * @param runTags the run's tags ({@code emo.model_format}, {@code emo.imported_from})
   */
  static String description(String dagId, String dagRunId, String modelUri,
      Map<String, String> params, Map<String, String> runTags, Map<String, Double> metrics) {
    String imported = runTags.get(RunTags.IMPORTED_FROM);
    String preset = params.getOrDefault("conf.preset", "?");
    StringBuilder b = new StringBuilder();
    if (imported != null) {
      b.append("Imported ").append(runTags.getOrDefault(RunTags.MODEL_FORMAT,
          "model")).append(" `").append(imported).append("`, checked and scored by");
    } else {
      b.append("Trained (").append(params.getOrDefault("conf.arch", "emoaudionet"))
          .append(" network, ").append(preset).append(" preset) by");
    }
    b.append(" DAG run `").append(dagRunId).append("` of DAG `").append(dagId).append("`.");
    StringJoiner figures = new StringJoiner(", ");
    testMetrics(metrics).forEach((k, v) -> figures.add(k + " " + ChampionDecision.fmt(v)));
    if (figures.length() > 0) b.append("\n\nTest split: ").append(figures).append('.');
    b.append("\n\nModel in S3: `").append(modelUri).append("`.");
    return b.toString();
  }

  private static Map<String, Double> testMetrics(Map<String, Double> metrics) {
    Map<String, Double> out = new java.util.TreeMap<>();
    metrics.forEach((k, v) -> {
      if (k.startsWith("test_") && v != null && !v.isNaN()) out.put(k, v);
    });
    return out;
  }
}
