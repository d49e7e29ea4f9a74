package org.emoaudionet.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackConfigTest {
  @TempDir Path home;

  @Test
  void childJvmsGetTheTensorFlowNativesAndKeepPyTorchAsDefaultEngine() {
    Path repo = TestPaths.repoRoot();
    StackConfig config = StackConfig.fromEnv(Map.of("EMO_HOME", home.toString()), repo);
    Map<String, String> env = config.apiEnv("pw", "secret");
    assertEquals(repo.resolve("workers/core/target/tensorflow-native").toString(),
        env.get("TENSORFLOW_LIBRARY_PATH"));
    assertEquals("PyTorch", env.get("DJL_DEFAULT_ENGINE"));
    // Where the core has been built, the folder holds what DJL looks for.
    Assumptions.assumeTrue(Files.isDirectory(config.tensorflowNatives()), "workers/core not built");
    assertTrue(Files.isRegularFile(config.tensorflowNatives().resolve("libjnitensorflow.so")));
  }

  @Test
  void onlyTheApiGetsTheLoginSecretsAndAWorkerLosesInheritedOnes() {
    StackConfig config = StackConfig.fromEnv(Map.of("EMO_HOME", home.toString()),
        TestPaths.repoRoot());
    Map<String, String> api = config.apiEnv("pw", "secret");
    assertEquals("pw", api.get("EMO_ADMIN_PASSWORD"));
    assertEquals("secret", api.get("EMO_JWT_SECRET"));
    Map<String, String> worker = config.workerEnv();
    // Present with a null value: ChildProcess removes them from what the stack's JVM passes on.
    assertTrue(worker.containsKey("EMO_ADMIN_PASSWORD") && worker.get("EMO_ADMIN_PASSWORD") == null);
    assertTrue(worker.containsKey("EMO_JWT_SECRET") && worker.get("EMO_JWT_SECRET") == null);
    assertEquals(api.get("EMO_S3_ENDPOINT"), worker.get("EMO_S3_ENDPOINT"));
  }

  @Test
  void theApiAndTheWorkersGetTheSameDataSourcePolicy() {
    Path repo = TestPaths.repoRoot();
    Map<String, String> env = StackConfig.fromEnv(Map.of("EMO_HOME", home.toString()), repo)
        .workerEnv();
    // by default: the bundled samples (the demo's data) and $EMO_HOME/data
    assertEquals(repo.resolve("workers/samples") + File.pathSeparator + home.resolve("data"),
        env.get("EMO_DATA_ROOTS"));
    assertFalse(env.containsKey("EMO_DATA_HOSTS"), "no list: any public https host");
    Path other = home.resolve("elsewhere");
    StackConfig moved = StackConfig.fromEnv(Map.of("EMO_HOME", home.toString()), repo)
        .withEmoHome(other);
    assertTrue(moved.apiEnv("pw", "s").get("EMO_DATA_ROOTS").endsWith(
        other.resolve("data").toString()), "the default follows EMO_HOME");

    Map<String, String> given = StackConfig.fromEnv(Map.of("EMO_HOME", home.toString(),
        "EMO_DATA_ROOTS", "/srv/corpora", "EMO_DATA_HOSTS", "127.0.0.1,data.example.org"), repo)
        .withPorts(1, 2, 3, 4, 5).workerEnv();
    assertEquals("/srv/corpora", given.get("EMO_DATA_ROOTS"));
    assertEquals("127.0.0.1,data.example.org", given.get("EMO_DATA_HOSTS"));
  }
}
