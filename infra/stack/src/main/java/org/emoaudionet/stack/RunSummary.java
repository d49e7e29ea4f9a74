package org.emoaudionet.stack;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One finished DAG run as the demo reports it.
 *
 * @param metrics test metrics from MLflow (empty when the run has none)
 * @param mlflowLink null when MLflow has no run of that name
 * @param modelUri the run's {@code emo.model_uri} tag, null when absent
 * @param champion the promote task's {@code decision: reason} (its MLflow tags), null when absent
 */
public record RunSummary(String dagId, String dagRunId, String state, Map<String, Double> metrics,
    String mlflowLink, String modelUri, String champion) {

  /** A run without a champion decision (it failed before promote, or predates it). */
  public RunSummary(String dagId, String dagRunId, String state, Map<String, Double> metrics,
      String mlflowLink, String modelUri) {
    this(dagId, dagRunId, state, metrics, mlflowLink, modelUri, null);
  }

  static final List<String> METRIC_COLUMNS =
      List.of("test_accuracy", "test_f1_macro", "test_ccc", "test_pearson_cc", "test_rmse");

  public boolean succeeded() {
    return "success".equals(state);
  }

  /** An aligned text table, then each run's MLflow link, S3 URI and champion decision. */
  public static String table(List<RunSummary> runs) {
    List<String> header = new ArrayList<>(List.of("DAG", "RUN", "STATE"));
    METRIC_COLUMNS.forEach(m -> header.add(m.replace("test_", "")));
    List<List<String>> rows = new ArrayList<>();
    rows.add(header);
    for (RunSummary r : runs) {
      List<String> row = new ArrayList<>(List.of(r.dagId(), r.dagRunId(), r.state()));
      for (String m : METRIC_COLUMNS) {
        Double v = r.metrics().get(m);
        row.add(v == null ? "-" : String.format(Locale.ROOT, "%.3f", v));
      }
      rows.add(row);
    }
    int[] width = new int[header.size()];
    rows.forEach(row -> {
      for (int i = 0; i < row.size(); i++) {
        width[i] = Math.max(width[i], row.get(i).length());
      }
    });
    StringBuilder sb = new StringBuilder();
    for (List<String> row : rows) {
      for (int i = 0; i < row.size(); i++) {
        sb.append(String.format("%-" + width[i] + "s", row.get(i)));
        sb.append(i + 1 < row.size() ? "  " : "");
      }
      sb.append('\n');
    }
    sb.append('\n');
    for (RunSummary r : runs) {
      sb.append(r.dagId()).append('/').append(r.dagRunId()).append('\n');
      sb.append("  MLflow  ").append(r.mlflowLink() == null ? "(no MLflow run)" : r.mlflowLink())
          .append('\n');
      sb.append("  model   ").append(r.modelUri() == null ? "(none)" : r.modelUri()).append('\n');
      if (r.champion() != null) sb.append("  alias   ").append(r.champion()).append('\n');
    }
    return sb.toString();
  }
}
