package org.emoaudionet.worker;

import static org.junit.jupiter.api.Assertions.*;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Report scalars under the names evaluate logs and promote compares. */
class TestMetricsTest {
  @Test
  void oneTestPrefixSafeNamesNoNulls() {
    Map<String, Double> scalars = new HashMap<>();
    scalars.put("accuracy", 0.5);
    scalars.put("test_f1_macro", 0.25);
    scalars.put("testccc", 0.125);
    scalars.put("recording.f1(macro)", 0.75);
    scalars.put("missing", null);
    assertEquals(Map.of("test_accuracy", 0.5, "test_f1_macro", 0.25, "test_ccc", 0.125,
        "test_recording_f1_macro_", 0.75), TestMetrics.of(scalars));
  }
}
