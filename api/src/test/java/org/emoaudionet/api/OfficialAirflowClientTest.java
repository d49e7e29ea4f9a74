package org.emoaudionet.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The compatibility proof: the official {@code apache-airflow-client} (pydantic-strict models)
 * drives this API (with the scheduled DAGs of {@link ScheduledDagsTestResource}). Runs with EMO_PYTHON, else $EMO_HOME/venv/bin/python, else the repo's
 * {@code .emo/venv/bin/python}; skipped when that Python lacks the package.
 */
@QuarkusTest
@WithTestResource(ScheduledDagsTestResource.class)
class OfficialAirflowClientTest {
  @TestHTTPResource("/")
  URL url;

  static Path python() {
    String env = System.getenv("EMO_PYTHON");
    if (env != null && !env.isBlank()) return Path.of(env);
    String home = System.getenv("EMO_HOME");
    Path root = Path.of("").toAbsolutePath().getParent(); // surefire runs in api/
    return (home != null && !home.isBlank() ? Path.of(home) : root.resolve(".emo"))
        .resolve("venv/bin/python");
  }

  @Test
  void officialClientDrivesTheApi() throws Exception {
    Path python = python();
    Assumptions.assumeTrue(Files.isExecutable(python),
        "skipped: no Python at " + python + " (set EMO_PYTHON or create $EMO_HOME/venv with "
            + "`pip install apache-airflow-client`)");
    Assumptions.assumeTrue(run(python, "-c", "import airflow_client.client").exit == 0,
        "skipped: " + python + " lacks apache-airflow-client (pip install apache-airflow-client)");
    check(python);
    // Other client versions, each in its own venv: EMO_AIRFLOW_CLIENT_PYTHONS=/a/python:/b/python
    String more = System.getenv("EMO_AIRFLOW_CLIENT_PYTHONS");
    if (more != null && !more.isBlank()) {
      for (String p : more.split(":")) check(Path.of(p));
    }
  }

  private void check(Path python) throws Exception {
    Result r = runCheck(python, "airflow_client_check.py", url);
    assertEquals(0, r.exit, python + ": " + r.output);
    assertTrue(r.output.contains("AIRFLOW_CLIENT_CHECK OK"), r.output);
    assertTrue(r.output.contains("state=success tasks=7"), r.output);
    // the DAG folder's two scheduled DAGs were read by the client's strict models
    assertTrue(r.output.contains("scheduled=2"), r.output);
  }

  record Result(int exit, String output) {}

  /**
   * Runs one of the official-client scripts in src/test/python against the API at {@code url}
   * as the admin (a timeout is exit -1); prints what it said.
   */
  static Result runCheck(Path python, String script, URL url) throws Exception {
    Result r = run(python, Path.of("src/test/python", script).toAbsolutePath().toString(),
        url.toString().replaceAll("/$", ""), "admin", TemporalTestResource.ADMIN_PASSWORD);
    System.out.println(python + ": " + r.output.strip());
    return r;
  }

  private static Result run(Path python, String... args) throws IOException, InterruptedException {
    String[] cmd = new String[args.length + 1];
    cmd[0] = python.toString();
    System.arraycopy(args, 0, cmd, 1, args.length);
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    if (!p.waitFor(180, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      return new Result(-1, "timed out: " + String.join(" ", cmd));
    }
    return new Result(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
  }
}
