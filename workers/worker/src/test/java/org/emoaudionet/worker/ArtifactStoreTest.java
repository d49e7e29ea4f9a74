package org.emoaudionet.worker;

import static org.junit.jupiter.api.Assertions.*;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ArtifactStore against a real S3 server (S3Proxy on 127.0.0.1). */
class ArtifactStoreTest {
  static S3ProxyFixture s3;

  @BeforeAll
  static void start() throws Exception {
    s3 = new S3ProxyFixture();
  }

  @AfterAll
  static void stop() throws Exception {
    s3.close();
  }

  @Test
  void filesRoundTripWithDigestAndMetadata(@TempDir Path tmp) throws Exception {
    ArtifactStore store = s3.store("emo-files"); // bucket does not exist yet: created on first use
    Path f = Files.writeString(tmp.resolve("a.txt"), "synthetic content\n");
    assertFalse(store.exists("x/a.txt"));
    String digest = store.putFile("x/a.txt", f, Map.of("segments", "12"));
    assertEquals(Digests.sha256(f), digest);
    assertTrue(store.exists("x/a.txt"));
    ArtifactStore.ObjectInfo info = store.stat("x/a.txt").orElseThrow();
    assertEquals(Files.size(f), info.size());
    assertEquals(digest, info.sha256());
    assertEquals("12", store.metadata("x/a.txt").get("segments"));

    Path back = tmp.resolve("deep/back.txt");
    store.getFile("x/a.txt", back);
    assertEquals("synthetic content\n", Files.readString(back));
    store.getFile("x/a.txt", back); // overwrite works
    assertTrue(store.stat("missing").isEmpty());

    String url = store.presignedGet("x/a.txt", Duration.ofMinutes(5));
    HttpResponse<String> r = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode());
    assertEquals("synthetic content\n", r.body());
    assertEquals("s3://emo-files/x/a.txt", store.uri("x/a.txt"));
  }

  @Test
  void foldersAsDeterministicTarGz(@TempDir Path tmp) throws Exception {
    ArtifactStore store = s3.store("emo-dirs");
    Path dir = Files.createDirectories(tmp.resolve("src/sub"));
    Files.writeString(dir.resolve("b.txt"), "b");
    Files.writeString(tmp.resolve("src/a.txt"), "a");
    String d1 = store.putDir("dirs/one.tar.gz", tmp.resolve("src"));
    // same content, other times: same bytes
    Files.setLastModifiedTime(tmp.resolve("src/a.txt"),
        java.nio.file.attribute.FileTime.fromMillis(12345));
    String d2 = store.putDir("dirs/two.tar.gz", tmp.resolve("src"));
    assertEquals(d1, d2);

    Path out = tmp.resolve("out");
    store.getDir("dirs/one.tar.gz", out);
    assertEquals("a", Files.readString(out.resolve("a.txt")));
    assertEquals("b", Files.readString(out.resolve("sub/b.txt")));
  }

  @Test
  void missingObjectIsAClearError(@TempDir Path tmp) {
    ArtifactStore store = s3.store("emo-files");
    Exception e = assertThrows(java.io.IOException.class,
        () -> store.getFile("no/such.key", tmp.resolve("x")));
    assertTrue(e.getMessage().contains("s3://emo-files/no/such.key"), e.getMessage());
  }
}
