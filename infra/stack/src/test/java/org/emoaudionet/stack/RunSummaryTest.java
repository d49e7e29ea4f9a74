package org.emoaudionet.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunSummaryTest {
  @Test
  void tableAlignsColumnsAndListsLinksAndMissingValues() {
    RunSummary ok = new RunSummary("recola_arousal", "demo__1", "success",
        Map.of("test_accuracy", 0.8912, "test_ccc", 0.5), "http://127.0.0.1:5000/#/experiments/1/runs/abc",
        "s3://emo/runs/recola_arousal/demo__1/model.tar.gz",
        "promoted: no champion yet: version 1 (test_ccc 0.5000) becomes champion");
    RunSummary failed = new RunSummary("daic_woz_phq8_binary", "demo__1", "failed", Map.of(), null,
        null);
    String t = RunSummary.table(List.of(ok, failed));
    List<String> lines = t.lines().toList();
    assertTrue(lines.get(0).startsWith("DAG "), t);
    assertEquals(lines.get(0).indexOf("STATE"), lines.get(1).indexOf("success"), t);
    assertEquals(lines.get(0).indexOf("STATE"), lines.get(2).indexOf("failed"), t);
    assertTrue(lines.get(1).contains("0.891") && lines.get(1).contains("0.500"), t);
    assertTrue(t.contains("s3://emo/runs/recola_arousal/demo__1/model.tar.gz"), t);
    assertTrue(t.contains("(no MLflow run)"), t);
    assertTrue(t.contains("  alias   promoted: no champion yet: version 1"), t);
    assertEquals(1, t.lines().filter(l -> l.startsWith("  alias")).count(),
        "no alias line for the run without a decision: " + t);
    assertTrue(ok.succeeded());
    assertFalse(failed.succeeded());
  }
}
