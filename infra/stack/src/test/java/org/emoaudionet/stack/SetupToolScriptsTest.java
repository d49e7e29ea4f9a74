package org.emoaudionet.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * infra/scripts/setup-airflowctl.sh and setup-browser.sh without the network or apt: a finished
 * install is left alone, and what cannot be done is said, with a non-zero exit.
 */
class SetupToolScriptsTest {
  @TempDir Path home;

  private record Result(int code, String output) {}

  private Result run(String script, Map<String, String> env) throws Exception {
    ProcessBuilder pb = new ProcessBuilder("bash",
        TestPaths.repoRoot().resolve("infra/scripts/" + script).toString())
        .redirectErrorStream(true);
    pb.environment().put("EMO_HOME", home.toString());
    pb.environment().putAll(env);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(30, TimeUnit.SECONDS), "script hung: " + out);
    return new Result(p.exitValue(), out);
  }

  private Path executable(String name, String body) throws Exception {
    Path f = home.resolve(name);
    Files.createDirectories(f.getParent());
    Files.writeString(f, "#!/bin/sh\n" + body + "\n");
    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rwxr-xr-x"));
    return f;
  }

  @Test
  void aFinishedAirflowCtlVenvIsNotTouchedAgain() throws Exception {
    executable("airflowctl-venv/bin/airflowctl", "exit 0");
    Path marker = home.resolve("airflowctl-venv/.emo-setup-done");
    Files.writeString(marker, "apache-airflow-ctl==0.1.5\n");
    long before = Files.getLastModifiedTime(marker).toMillis();
    Result r = run("setup-airflowctl.sh", Map.of("PYTHON", "/nonexistent-python-would-fail"));
    assertEquals(0, r.code(), r.output());
    assertTrue(r.output().contains("is ready (apache-airflow-ctl==0.1.5)"), r.output());
    assertEquals(before, Files.getLastModifiedTime(marker).toMillis());
    assertTrue(Files.notExists(home.resolve("airflowctl-venv/bin/python")), "no venv was made");
  }

  @Test
  void anOtherPinOrAnOldPythonIsNotTakenAsDone() throws Exception {
    executable("airflowctl-venv/bin/airflowctl", "exit 0");
    Files.writeString(home.resolve("airflowctl-venv/.emo-setup-done"),
        "apache-airflow-ctl==0.1.4\n");
    Path old = executable("python3.9",
        "if [ \"$1\" = --version ]; then echo 'Python 3.9.2'; exit 0; fi\nexit 1");
    Result r = run("setup-airflowctl.sh", Map.of("PYTHON", old.toString()));
    assertEquals(2, r.code(), r.output());
    assertTrue(r.output().contains("airflowctl needs Python >= 3.10"), r.output());
  }

  @Test
  void aBrowserAndDriverInPlaceAreReady() throws Exception {
    Path browser = executable("bin/chromium", "echo 'Chromium 156.0.1 built on Debian'");
    Path driver = executable("bin/chromedriver", "echo 'ChromeDriver 156.0.1 (abc)'");
    Result r = run("setup-browser.sh", Map.of("EMO_CHROMIUM", browser.toString(),
        "EMO_CHROMEDRIVER", driver.toString()));
    assertEquals(0, r.code(), r.output());
    assertTrue(r.output().contains("ready (Chromium 156.0.1 built on Debian; ChromeDriver 156.0.1)"),
        r.output());
  }

  @Test
  void aNamedBrowserThatIsMissingIsSaidNotInstalled() throws Exception {
    Path driver = executable("bin/chromedriver", "echo 'ChromeDriver 156.0.1 (abc)'");
    Result r = run("setup-browser.sh", Map.of("EMO_CHROMIUM", home.resolve("no-such").toString(),
        "EMO_CHROMEDRIVER", driver.toString()));
    assertEquals(2, r.code(), r.output());
    assertTrue(r.output().contains("not both executable"), r.output());
  }
}
