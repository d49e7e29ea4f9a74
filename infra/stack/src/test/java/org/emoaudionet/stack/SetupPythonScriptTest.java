package org.emoaudionet.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * infra/scripts/setup-python.sh without the network: its idempotence (a finished venv is left
 * alone) and its refusal of an old Python. The real install is exercised by {@code emo up}.
 */
class SetupPythonScriptTest {
  @TempDir Path home;

  private record Result(int code, String output) {}

  private Result run(String python) throws Exception {
    ProcessBuilder pb = new ProcessBuilder("bash",
        TestPaths.repoRoot().resolve("infra/scripts/setup-python.sh").toString())
        .redirectErrorStream(true);
    pb.environment().put("EMO_HOME", home.toString());
    if (python != null) {
      pb.environment().put("PYTHON", python);
    }
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(30, TimeUnit.SECONDS), "script hung: " + out);
    return new Result(p.exitValue(), out);
  }

  private static String pinsOf(Path script) throws Exception {
    // The marker holds the pinned requirement list; read the defaults from the script itself.
    String s = Files.readString(script);
    StringBuilder pins = new StringBuilder();
    java.util.regex.Matcher m = java.util.regex.Pattern
        .compile("\"([a-z0-9-]+)==\\$\\{[A-Z0-9_]+:-([^}]+)}\"").matcher(s);
    while (m.find()) {
      pins.append(pins.length() == 0 ? "" : " ").append(m.group(1)).append("==")
          .append(m.group(2));
    }
    return pins.toString();
  }

  @Test
  void aFinishedVenvIsNotTouchedAgain() throws Exception {
    Path venv = home.resolve("venv");
    Files.createDirectories(venv.resolve("bin"));
    Path mlflow = venv.resolve("bin/mlflow");
    Files.writeString(mlflow, "#!/bin/sh\n");
    Files.setPosixFilePermissions(mlflow, PosixFilePermissions.fromString("rwxr-xr-x"));
    String pins = pinsOf(TestPaths.repoRoot().resolve("infra/scripts/setup-python.sh"));
    assertTrue(pins.contains("mlflow==3.") && pins.contains("apache-airflow-client==3."), pins);
    Files.writeString(venv.resolve(".emo-setup-done"), pins + "\n");
    long before = Files.getLastModifiedTime(venv.resolve(".emo-setup-done")).toMillis();

    Result r = run("/nonexistent-python-would-fail");
    assertEquals(0, r.code(), r.output());
    assertTrue(r.output().contains("is ready"), r.output());
    assertEquals(before, Files.getLastModifiedTime(venv.resolve(".emo-setup-done")).toMillis());
    assertTrue(Files.notExists(venv.resolve("bin/python")), "no venv was created");
  }

  @Test
  void aStaleMarkerOrOldPythonIsNotTakenAsDone() throws Exception {
    Path fake = home.resolve("python3.8");
    Files.writeString(fake, "#!/bin/sh\n"
        + "if [ \"$1\" = --version ]; then echo 'Python 3.8.10'; exit 0; fi\nexit 1\n");
    Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.createDirectories(home.resolve("venv/bin"));
    Files.writeString(home.resolve("venv/.emo-setup-done"), "mlflow==2.0.0\n");
    Result r = run(fake.toString());
    assertEquals(2, r.code(), r.output());
    assertTrue(r.output().contains("MLflow 3 needs Python >= 3.10"), r.output());
  }
}
