package org.emoaudionet.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    Map<String, String> env = config.childEnv("pw", "secret");
    assertEquals(repo.resolve("workers/core/target/tensorflow-native").toString(),
        env.get("TENSORFLOW_LIBRARY_PATH"));
    assertEquals("PyTorch", env.get("DJL_DEFAULT_ENGINE"));
    // Where the core has been built, the folder holds what DJL looks for.
    Assumptions.assumeTrue(Files.isDirectory(config.tensorflowNatives()), "workers/core not built");
    assertTrue(Files.isRegularFile(config.tensorflowNatives().resolve("libjnitensorflow.so")));
  }
}
