package org.emoaudionet.worker;

import static org.junit.jupiter.api.Assertions.*;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.emoaudionet.worker.TestArchives.Entry;
import org.emoaudionet.workflows.activity.DatasetRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The download task against a local HTTP server and a real S3 server, both on 127.0.0.1. */
class DatasetStagerTest {
  static S3ProxyFixture s3;
  static HttpServer http;
  static String base;
  @TempDir static Path files;

  @BeforeAll
  static void start() throws Exception {
    s3 = new S3ProxyFixture();
    TestArchives.tarGz(files.resolve("corpus.tar.gz"), Entry.file("corpus/manifest.csv", "path,label\n"),
        Entry.file("corpus/a.wav", "synthetic"));
    TestArchives.tarGz(files.resolve("evil.tar.gz"), Entry.file("../x", "evil"));
    TestArchives.zip(files.resolve("corpus.zip"), Entry.file("corpus/manifest.csv", "path,label\n"));
    http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    http.createContext("/", ex -> {
      String name = ex.getRequestURI().getPath().substring(1);
      if (name.equals("moved")) {
        ex.getResponseHeaders().add("Location", "/corpus.tar.gz");
        ex.sendResponseHeaders(302, -1);
      } else if (Files.isRegularFile(files.resolve(name))) {
        byte[] body = Files.readAllBytes(files.resolve(name));
        ex.sendResponseHeaders(200, body.length);
        ex.getResponseBody().write(body);
      } else {
        ex.sendResponseHeaders(404, -1);
      }
      ex.close();
    });
    http.start();
    base = "http://127.0.0.1:" + http.getAddress().getPort() + "/";
  }

  @AfterAll
  static void stop() throws Exception {
    http.stop(0);
    s3.close();
  }

  private static DatasetStager shared;
  private static Path sharedWork;

  private DatasetStager stager(Path work) {
    if (shared != null && work.equals(sharedWork)) return shared;
    WorkerConfig c = WorkerConfig.fromEnv(Map.of("EMO_S3_ENDPOINT", s3.endpoint,
        "EMO_S3_ACCESS_KEY", S3ProxyFixture.ACCESS, "EMO_S3_SECRET_KEY", S3ProxyFixture.SECRET,
        "EMO_S3_BUCKET", "emo", "EMO_WORK_DIR", work.toString(),
        "EMO_DATA_ROOTS", TestDataRoots.of(files), "EMO_DATA_HOSTS", "127.0.0.1"));
    ArtifactStore store = ArtifactStore.from(c);
    shared = new DatasetStager(store, new LocalDatasets(store, c.workDir()), c);
    sharedWork = work;
    return shared;
  }

  private DatasetRef stage(Path work, String source, String checksum) throws Exception {
    return stager(work).stage(source, checksum, new TaskLog("download", "t", "r", 1), 1,
        (d, t) -> {});
  }

  @Test
  void httpWithMd5IsStoredOnceByDigest(@TempDir Path work) throws Exception {
    Path tgz = files.resolve("corpus.tar.gz");
    String md5 = Digests.md5(tgz);
    DatasetRef first = stage(work, base + "corpus.tar.gz", "md5:" + md5);
    assertEquals("datasets/sha256-" + Digests.sha256(tgz) + ".tar.gz", first.key());
    assertFalse(first.reused());
    assertTrue(first.log().contains("MD5 verified"), first.log());
    // unpacked once for later tasks on this worker
    assertTrue(Files.isRegularFile(work.resolve("datasets/sha256-" + first.digest()
        + "/corpus/manifest.csv")));
    // through a redirect, same bytes: found, not uploaded again
    DatasetRef second = stage(work, base + "moved", "sha256:" + Digests.sha256(tgz));
    assertEquals(first.key(), second.key());
    assertTrue(second.reused(), second.log());
  }

  @Test
  void badMd5IsAClearError(@TempDir Path work) {
    String wrong = "md5:" + "0".repeat(32);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> stage(work, base + "corpus.tar.gz", wrong));
    assertTrue(e.getMessage().contains("checksum mismatch") && e.getMessage().contains("corpus.tar.gz")
        && e.getMessage().contains("0".repeat(32)), e.getMessage());
  }

  @Test
  void notFoundIsAClearError(@TempDir Path work) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> stage(work, base + "nothing.tar.gz", null));
    assertTrue(e.getMessage().contains("HTTP 404") && e.getMessage().contains("nothing.tar.gz"),
        e.getMessage());
  }

  @Test
  void unsafeArchiveIsRefusedBeforeStoring(@TempDir Path work) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> stage(work, base + "evil.tar.gz", null));
    assertTrue(e.getMessage().contains("evil.tar.gz") && e.getMessage().contains("'../x'"),
        e.getMessage());
  }

  @Test
  void localFolderAndZipArePackedDeterministically(@TempDir Path work) throws Exception {
    Path dir = Files.createDirectories(files.resolve("folder/corpus"));
    Files.writeString(dir.resolve("manifest.csv"), "path,label\n");
    DatasetRef a = stage(work, files.resolve("folder").toString(), null);
    DatasetRef b = stage(work, files.resolve("folder").toUri().toString(), null); // file:// URI
    assertEquals(a.digest(), b.digest());
    assertTrue(b.reused());

    DatasetRef z = stage(work, base + "corpus.zip", null);
    assertTrue(z.log().contains("repacked zip"), z.log());
    DatasetRef again = stage(work, "s3://emo/" + z.key(), null); // s3:// of what we stored
    assertEquals(z.digest(), again.digest());
  }

  @Test
  void anS3PrefixIsEveryObjectUnderItKeptByRelativeKey(@TempDir Path work) throws Exception {
    ArtifactStore incoming = s3.store("incoming");
    Path tmp = Files.createTempFile(work, "obj", ".bin");
    for (String[] o : new String[][] {{"drop/1/manifest.csv", "path,label\na.wav,x\n"},
        {"drop/1/clips/a.wav", "synthetic"}, {"drop/2/manifest.csv", "path,label\na.wav,x\n"},
        {"drop/2/clips/a.wav", "synthetic"}, {"drop/10/other.wav", "not under drop/1/"}}) {
      Files.writeString(tmp, o[1]);
      incoming.putFile(o[0], tmp);
    }
    DatasetRef one = stage(work, "s3://incoming/drop/1/", null);
    assertTrue(one.log().contains("fetched 2 objects"), one.log());
    Path tree = work.resolve("datasets/sha256-" + one.digest());
    assertEquals("synthetic", Files.readString(tree.resolve("clips/a.wav")));
    assertTrue(Files.isRegularFile(tree.resolve("manifest.csv")));
    assertFalse(Files.exists(tree.resolve("other.wav")), "drop/10/ is not under drop/1/");
    // the same objects under another prefix: the same data set, found stored
    DatasetRef two = stage(work, "s3://incoming/drop/2/", null);
    assertEquals(one.digest(), two.digest());
    assertTrue(two.reused(), two.log());

    Files.writeString(tmp, "changed");
    incoming.putFile("drop/2/clips/a.wav", tmp);
    assertNotEquals(one.digest(), stage(work, "s3://incoming/drop/2/", null).digest());

    IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
        () -> stage(work, "s3://incoming/nothing/", null));
    assertTrue(none.getMessage().contains("s3://incoming/nothing/")
        && none.getMessage().contains("no objects"), none.getMessage());
  }

  @Test
  void prefixKeysThatWouldLeaveTheFolderAreRefusedByName(@TempDir Path tree) {
    S3Source src = S3Source.parse("s3://x/p/", "dataset URI", "s3://bucket/prefix/");
    assertEquals(tree.resolve("a/b.wav"), src.inside(tree, "a/b.wav", "p/a/b.wav"));
    for (String[] bad : new String[][] {{"../evil", "'..'"}, {"a/../../evil", "'..'"},
        {"/etc/passwd", "absolute"}, {"", "empty"}}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> src.inside(tree, bad[0], "p/" + bad[0]));
      assertTrue(e.getMessage().contains("object key 'p/" + bad[0] + "'")
          && e.getMessage().contains(bad[1]) && e.getMessage().contains("s3://x/p/"), e.getMessage());
    }
  }

  @Test
  void librispeechTarballsHaveTheirPublishedMd5() {
    assertEquals("42e2234ba48799c1f50f24a7926300a1",
        Checksums.expectedFor(null, "dev-clean.tar.gz").orElseThrow().hex());
    assertTrue(Checksums.expectedFor(null, "my-data.tar.gz").isEmpty());
    assertThrows(IllegalArgumentException.class, () -> Checksums.parse("crc:1234"));
  }
}
