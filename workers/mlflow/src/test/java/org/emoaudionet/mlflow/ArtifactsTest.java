package org.emoaudionet.mlflow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Artifact listings and the proxy's uploads and downloads. */
class ArtifactsTest {
  @TempDir Path dir;
  private final FakeMlflow mlflow;
  private final Artifacts artifacts;

  ArtifactsTest() throws IOException {
    mlflow = new FakeMlflow();
    artifacts = new MlflowClient(mlflow.uri).artifacts();
  }

  @AfterEach
  void stop() {
    mlflow.close();
  }

  @Test
  void aFolderIsUploadedFileByFileInNameOrder() throws IOException {
    mlflow.on("/api/2.0/mlflow-artifacts/artifacts/1/r/artifacts/model/b.json", 200, "");
    mlflow.on("/api/2.0/mlflow-artifacts/artifacts/1/r/artifacts/model/sub dir/a.bin", 200, "");
    Files.createDirectories(dir.resolve("sub dir"));
    Files.writeString(dir.resolve("b.json"), "{}");
    Files.write(dir.resolve("sub dir/a.bin"), new byte[] {1, 2, 3});
    assertEquals(2, artifacts.uploadDir("1/r/artifacts", "model", dir));
    assertEquals(List.of("/api/2.0/mlflow-artifacts/artifacts/1/r/artifacts/model/b.json",
        "/api/2.0/mlflow-artifacts/artifacts/1/r/artifacts/model/sub%20dir/a.bin"),
        mlflow.requests.stream().map(FakeMlflow.Request::pathAndQuery).toList());
    assertEquals("PUT", mlflow.requests.get(1).method());
    assertArrayEquals(new byte[] {1, 2, 3}, mlflow.requests.get(1).body());
  }

  @Test
  void aRefusedUploadNamesThePath() throws IOException {
    Path f = Files.writeString(dir.resolve("x"), "x");
    mlflow.on("/api/2.0/mlflow-artifacts/artifacts/1/r/x", 503, "{\"error_code\":"
        + "\"TEMPORARILY_UNAVAILABLE\",\"message\":\"S3 is down\"}");
    MlflowException e = assertThrows(MlflowException.class, () -> artifacts.upload("1/r", "x", f));
    assertTrue(e.getMessage().contains("PUT /api/2.0/mlflow-artifacts/artifacts/1/r/x")
        && e.getMessage().contains("S3 is down"), e.getMessage());
  }

  @Test
  void aDownloadLandsInItsFolderAndAFailedOneSaysWhy() throws IOException {
    mlflow.on("/api/2.0/mlflow-artifacts/artifacts/1/r/model/MLmodel", 200, "flavors: {}\n");
    Path to = dir.resolve("deep/MLmodel");
    artifacts.download("1/r/model/MLmodel", to);
    assertEquals("flavors: {}\n", Files.readString(to, StandardCharsets.UTF_8));
    assertEquals("flavors: {}\n", artifacts.readText("1/r/model/MLmodel"));
    MlflowException e = assertThrows(MlflowException.class,
        () -> artifacts.download("1/r/model/gone", dir.resolve("gone")));
    assertEquals(404, e.status());
    assertTrue(e.missing());
  }

  @Test
  void aRunsFilesAreListedThroughItsFoldersUpToTheDepthAsked() throws IOException {
    mlflow.on("/api/2.0/mlflow/artifacts/list", 200, "{\"files\":[{\"path\":\"metrics.json\","
        + "\"is_dir\":false,\"file_size\":12},{\"path\":\"model\",\"is_dir\":true}]}");
    assertEquals(List.of(new FileInfo("metrics.json", false, 12), new FileInfo("model", true, 0)),
        artifacts.list("r1", ""));
    // the fake answers every folder alike: depth 0 never opens "model", depth 2 opens it twice
    assertEquals(List.of("metrics.json"), artifacts.listFiles("r1", 0));
    assertEquals(List.of("metrics.json", "metrics.json", "metrics.json"),
        artifacts.listFiles("r1", 2));
    assertTrue(mlflow.requests.stream().anyMatch(r -> r.pathAndQuery()
        .equals("/api/2.0/mlflow/artifacts/list?run_id=r1&path=model")), mlflow.requests.toString());
  }

  @Test
  void aProxyFolderItDoesNotKnowIsEmpty() throws IOException {
    assertTrue(artifacts.listProxied("1/r/nothing").isEmpty());
    mlflow.on("/api/2.0/mlflow-artifacts/artifacts", 200,
        "{\"files\":[{\"path\":\"MLmodel\",\"is_dir\":false,\"file_size\":3}]}");
    assertEquals(List.of(new FileInfo("MLmodel", false, 3)), artifacts.listProxied("1/r/model"));
    assertEquals("/api/2.0/mlflow-artifacts/artifacts?path=1%2Fr%2Fmodel",
        mlflow.requests.get(1).pathAndQuery());
  }
}
