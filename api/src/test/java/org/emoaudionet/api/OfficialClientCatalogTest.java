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
 * The catalog endpoints through the official {@code apache-airflow-client} (strict pydantic
 * models): {@code src/test/python/airflow_client_catalog_check.py}. Same Python and skip rule as
 * {@link OfficialAirflowClientTest}.
 */
@QuarkusTest
@WithTestResource(CatalogDagsTestResource.class)
class OfficialClientCatalogTest {
  @TestHTTPResource("/")
  URL url;

  @Test
  void officialClientReadsAndWritesTheCatalog() throws Exception {
    Path python = OfficialAirflowClientTest.python();
    Assumptions.assumeTrue(Files.isExecutable(python), "skipped: no Python at " + python);
    Path script = Path.of("src/test/python/airflow_client_catalog_check.py").toAbsolutePath();
    Process p = new ProcessBuilder(python.toString(), script.toString(),
        url.toString().replaceAll("/$", ""), "admin", TemporalTestResource.ADMIN_PASSWORD)
        .redirectErrorStream(true).start();
    boolean done = p.waitFor(180, TimeUnit.SECONDS);
    if (!done) p.destroyForcibly();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    System.out.println(python + ": " + out.strip());
    assertTrue(done, "timed out: " + out);
    assertEquals(0, p.exitValue(), out);
    assertTrue(out.contains("AIRFLOW_CLIENT_CATALOG_CHECK OK assets=2 import_errors=2 pools=3"), out);
  }
}
