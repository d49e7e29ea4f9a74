package org.emoaudionet.worker;

import static org.junit.jupiter.api.Assertions.*;

import com.sun.net.httpserver.HttpServer;
import io.temporal.failure.ApplicationFailure;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.emoaudionet.worker.TestArchives.Entry;
import org.emoaudionet.workflows.conf.DataSourcePolicy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13 item 3 at the worker: whatever the API let through, the download and import tasks
 * refuse a source outside the data source policy right before reading it, with a non-retryable
 * failure naming the field and the rule. The HTTP server is on 127.0.0.1, the one listed host.
 */
class DataSourceRefusalTest {
  static HttpServer http;
  static int port;
  static String base;
  @TempDir static Path root;
  @TempDir static Path outside;
  @TempDir static Path work;
  static byte[] corpus;
  static ArtifactStore store;
  static DatasetStager stager;

  @BeforeAll
  static void start() throws Exception {
    corpus = Files.readAllBytes(TestArchives.tarGz(root.resolve("corpus.tar.gz"),
        Entry.file("corpus/manifest.csv", "path,label\n")));
    Files.writeString(outside.resolve("secret.txt"), "only the worker may read this");
    http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    port = http.getAddress().getPort();
    Map<String, String> redirects = Map.of(
        "/to-metadata", "http://169.254.169.254/latest/meta-data/",
        "/to-v6", "http://[::1]:" + port + "/corpus.tar.gz",
        "/to-file", "file:///etc/passwd",
        "/loop", "/loop",
        "/to-corpus", "/corpus.tar.gz");
    http.createContext("/", ex -> {
      String path = ex.getRequestURI().getPath();
      if (redirects.containsKey(path)) {
        ex.getResponseHeaders().add("Location", redirects.get(path));
        ex.sendResponseHeaders(302, -1);
      } else if (path.equals("/corpus.tar.gz")) {
        ex.sendResponseHeaders(200, corpus.length);
        ex.getResponseBody().write(corpus);
      } else {
        ex.sendResponseHeaders(404, -1);
      }
      ex.close();
    });
    http.start();
    base = "http://127.0.0.1:" + port + "/";
    WorkerConfig c = config();
    store = ArtifactStore.from(c); // one client: building one loads the TLS trust store
    stager = new DatasetStager(store, new LocalDatasets(store, c.workDir()), c);
  }

  @AfterAll
  static void stop() {
    http.stop(0);
  }

  /** The worker's configuration: one data root, 127.0.0.1 the one listed host; S3 never reached. */
  static WorkerConfig config() {
    return WorkerConfig.fromEnv(Map.of("EMO_S3_ENDPOINT", "http://127.0.0.1:9",
        "EMO_WORK_DIR", work.toString(), "EMO_DATA_ROOTS", root.toString(),
        "EMO_DATA_HOSTS", "127.0.0.1"));
  }

  private static DataSourcePolicy.Refused refusedAtTheWorker(String source, String... words) {
    DataSourcePolicy.Refused e = assertThrows(DataSourcePolicy.Refused.class, () -> stager.stage(
        source, null, new TaskLog("download", "t", "r", 1), 1, (d, t) -> {}), source);
    assertTrue(e.getMessage().startsWith("dataset_uri '" + source + "'"), e.getMessage());
    for (String w : words) assertTrue(e.getMessage().contains(w), w + " in: " + e.getMessage());
    // what the workflow gets: final, not retried, with the same words
    ApplicationFailure af = assertInstanceOf(ApplicationFailure.class, Failures.of(e, 2));
    assertTrue(af.isNonRetryable(), af.getOriginalMessage());
    assertEquals(e.getMessage(), af.getOriginalMessage());
    return e;
  }

  @Test
  void fileEtcPasswdIsRefusedNonRetryably() {
    refusedAtTheWorker("file:///etc/passwd",
        "is outside the data roots (EMO_DATA_ROOTS=" + root + ")");
    refusedAtTheWorker("/etc/passwd", "outside the data roots");
  }

  @Test
  void theMetadataServiceAndIpv6LoopbackAreRefused() {
    refusedAtTheWorker("http://169.254.169.254/latest/meta-data/", "not in the allowed data hosts",
        "EMO_DATA_HOSTS=127.0.0.1");
    refusedAtTheWorker("http://[::1]:" + port + "/corpus.tar.gz", "not in the allowed data hosts");
  }

  @Test
  void otherSchemesAreRefused() {
    refusedAtTheWorker("ftp://127.0.0.1/corpus.tar.gz", "scheme 'ftp:'");
    refusedAtTheWorker("gopher://127.0.0.1:" + port + "/_GET", "scheme 'gopher:'");
    refusedAtTheWorker("jar:file://" + root.resolve("corpus.zip") + "!/manifest.csv",
        "scheme 'jar:'");
  }

  @Test
  void aRedirectFromTheListedHostToARefusedOneIsRefused() throws Exception {
    refusedAtTheWorker(base + "to-metadata", "redirects to a source that is refused",
        "169.254.169.254", "not in the allowed data hosts");
    refusedAtTheWorker(base + "to-v6", "redirects to a source that is refused", "[::1]");
    refusedAtTheWorker(base + "to-file", "redirects to 'file:///etc/passwd'", "not an http(s) URL");
    HttpFetcher fetcher = new HttpFetcher(config().dataSources(), "dataset_uri");
    IllegalArgumentException loop = assertThrows(IllegalArgumentException.class,
        () -> fetcher.fetch(URI.create(base + "loop"), work.resolve("loop"), (d, t) -> {}));
    assertTrue(loop.getMessage().contains("more than " + HttpFetcher.MAX_REDIRECTS + " redirects"),
        loop.getMessage());
    // a redirect within the allowed sources is followed
    Path got = work.resolve("followed.tar.gz");
    assertEquals(corpus.length, fetcher.fetch(URI.create(base + "to-corpus"), got, (d, t) -> {}));
    assertArrayEquals(corpus, Files.readAllBytes(got));
  }

  @Test
  void theAddressesConnectedToAreTheOnesThePolicyChecked() throws Exception {
    InetAddress loopback = InetAddress.getByName("127.0.0.1");
    // rebind.test "resolves" to 127.0.0.1: refused when the client looks it up to connect
    DataSourcePolicy anyPublic = new DataSourcePolicy(List.of(root), List.of(),
        host -> new InetAddress[] {loopback});
    DataSourcePolicy.Refused e = assertThrows(DataSourcePolicy.Refused.class,
        () -> new HttpFetcher(anyPublic, "dataset_uri").fetch(
            URI.create("https://rebind.test:" + port + "/corpus.tar.gz"),
            work.resolve("rebind"), (d, t) -> {}));
    assertTrue(e.getMessage().contains("resolves to 127.0.0.1") && e.getMessage().contains(
        "loopback"), e.getMessage());
    // listed, the same name downloads: the connection used the policy's answer, since no real
    // DNS knows corpus.test
    DataSourcePolicy listed = new DataSourcePolicy(List.of(root), List.of("corpus.test"),
        host -> new InetAddress[] {loopback});
    Path got = work.resolve("pinned.tar.gz");
    new HttpFetcher(listed, "dataset_uri").fetch(
        URI.create("http://corpus.test:" + port + "/corpus.tar.gz"), got, (d, t) -> {});
    assertArrayEquals(corpus, Files.readAllBytes(got));
  }

  @Test
  void pathsThatLeaveTheRootAreRefused() throws Exception {
    String escape = root + "/../" + outside.getFileName() + "/secret.txt";
    refusedAtTheWorker(escape, "outside the data roots",
        "resolves to " + outside.toRealPath().resolve("secret.txt"));
    Path link = root.resolve("innocent-link");
    if (!Files.exists(link)) Files.createSymbolicLink(link, outside);
    refusedAtTheWorker(link.resolve("secret.txt").toString(), "outside the data roots");
    refusedAtTheWorker(link.toUri().toString(), "outside the data roots");
    // a manifest CSV inside the root may not list files outside it either
    Path csv = Files.writeString(root.resolve("labels.csv"),
        "path,label\ncorpus.tar.gz,a\n/etc/passwd,b\n");
    refusedAtTheWorker(csv.toString(), "line 3 lists '/etc/passwd', which is outside the data"
        + " roots");
    // what is inside is accepted, as its real path
    assertEquals(root.toRealPath().resolve("corpus.tar.gz"),
        config().dataSources().localPath("dataset_uri", root.resolve("corpus.tar.gz").toString()));
  }

  @Test
  void importModelIsRefusedOutsideTheRootsToo() {
    WorkerConfig c = config();
    ModelFetcher fetcher = new ModelFetcher(store, c);
    DataSourcePolicy.Refused e = assertThrows(DataSourcePolicy.Refused.class, () -> fetcher.fetch(
        "/etc/ssh", work.resolve("import"), new TaskLog("train", "t", "r", 1), (d, t) -> {}));
    assertTrue(e.getMessage().startsWith("import_model '/etc/ssh' is outside the data roots"),
        e.getMessage());
    assertTrue(assertInstanceOf(ApplicationFailure.class, Failures.of(e, 1)).isNonRetryable());
  }
}
