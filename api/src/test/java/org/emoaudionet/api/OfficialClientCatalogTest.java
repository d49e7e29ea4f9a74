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
    OfficialAirflowClientTest.Result r =
        OfficialAirflowClientTest.runCheck(python, "airflow_client_catalog_check.py", url);
    String out = r.output();
    assertTrue(r.exit() != -1, out);
    assertEquals(0, r.exit(), out);
    assertTrue(out.contains("AIRFLOW_CLIENT_CATALOG_CHECK OK assets=2 import_errors=2 pools=3"), out);
  }
}
