package org.emoaudionet.stack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.minio.BucketExistsArgs;
import io.minio.GetObjectArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedS3Test {
  @TempDir Path dir;

  @Test
  void bucketsAreCreatedAndObjectsRoundTripAndSurviveARestart() throws Exception {
    int port = Ports.free();
    byte[] data = "synthetic model bytes \u00e9\u00e8".getBytes(StandardCharsets.UTF_8);
    try (EmbeddedS3 s3 = EmbeddedS3.start(dir, "127.0.0.1", port, "emo", "emo-secret-key",
        List.of("emo", "mlflow"))) {
      MinioClient c = s3.client();
      assertTrue(c.bucketExists(BucketExistsArgs.builder().bucket("emo").build()));
      assertTrue(c.bucketExists(BucketExistsArgs.builder().bucket("mlflow").build()));
      c.putObject(PutObjectArgs.builder().bucket("emo").object("runs/d/r/model.tar.gz")
          .stream(new ByteArrayInputStream(data), (long) data.length, -1L).build());
    }
    assertTrue(Files.isDirectory(dir.resolve("emo")), "objects live as files under the base dir");
    // Same directory, new server: the object is still there (state in $EMO_HOME/s3).
    try (EmbeddedS3 s3 = EmbeddedS3.start(dir, "127.0.0.1", port, "emo", "emo-secret-key",
        List.of("emo", "mlflow"));
        InputStream in = s3.client().getObject(GetObjectArgs.builder().bucket("emo")
            .object("runs/d/r/model.tar.gz").build())) {
      assertArrayEquals(data, in.readAllBytes());
    }
  }

  @Test
  void wrongCredentialsAreRefused() throws Exception {
    try (EmbeddedS3 s3 = EmbeddedS3.start(dir, "127.0.0.1", Ports.free(), "emo", "emo-secret-key",
        List.of("emo"))) {
      MinioClient bad = EmbeddedS3.client(s3.endpoint(), "emo", "wrong-secret");
      Exception e = org.junit.jupiter.api.Assertions.assertThrows(Exception.class,
          () -> bad.bucketExists(BucketExistsArgs.builder().bucket("emo").build()));
      assertTrue(e.toString().contains("SignatureDoesNotMatch") || e.toString().contains("403")
          || e.toString().contains("Access"), e.toString());
    }
  }
}
