package org.emoaudionet.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
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
    Path script = Path.of("src/test/python/airflow_client_results_check.py").toAbsolutePath();
    Process p = new ProcessBuilder(python.toString(), script.toString(),
        url.toString().replaceAll("/$", ""), "admin", TemporalTestResource.ADMIN_PASSWORD)
        .redirectErrorStream(true).start();
    boolean done = p.waitFor(180, TimeUnit.SECONDS);
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!done) p.destroyForcibly();
    Assumptions.assumeFalse(out.contains("No module named 'airflow_client'"),
        "skipped: " + python + " lacks apache-airflow-client");
    assertTrue(done, out);
    assertEquals(0, p.exitValue(), out);
    assertTrue(out.contains("AIRFLOW_CLIENT_RESULTS OK xcoms=7 tries=1"), out);
  }
}
