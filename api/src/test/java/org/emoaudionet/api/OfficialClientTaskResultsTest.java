package org.emoaudionet.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * XComs, tries, batch listings, the wait stream and a task clear read by the official
 * apache-airflow-client's strict models ({@code src/test/python/airflow_client_results_check.py}),
 * on the real workflow over test-double activities. Skipped as OfficialAirflowClientTest is.
 */
@QuarkusTest
@WithTestResource(RealPipelineTestResource.class)
class OfficialClientTaskResultsTest {
  @TestHTTPResource("/")
  URL url;

  @Test
  void officialClientReadsTaskResults() throws Exception {
    Path python = OfficialAirflowClientTest.python();
    Assumptions.assumeTrue(Files.isExecutable(python), "skipped: no Python at " + python);
    OfficialAirflowClientTest.Result r =
        OfficialAirflowClientTest.runCheck(python, "airflow_client_results_check.py", url);
    String out = r.output();
    Assumptions.assumeFalse(out.contains("No module named 'airflow_client'"),
        "skipped: " + python + " lacks apache-airflow-client");
    assertTrue(r.exit() != -1, out);
    assertEquals(0, r.exit(), out);
    assertTrue(out.contains("AIRFLOW_CLIENT_RESULTS OK xcoms=7 tries=1"), out);
  }
}
