package org.emoaudionet.worker;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.emoaudionet.workflows.activity.ObservePrefixInput;
import org.emoaudionet.workflows.activity.PrefixSnapshot;
import org.emoaudionet.workflows.activity.S3Keys;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The data trigger's observation against a real S3 server (S3Proxy on 127.0.0.1). */
class ObservePrefixActivityImplTest {
  static S3ProxyFixture s3;
  static ObservePrefixActivityImpl observer;
  static ArtifactStore platform;
  static ArtifactStore data;
  @TempDir static Path work;

  @BeforeAll
  static void start() throws Exception {
    s3 = new S3ProxyFixture();
    WorkerConfig c = WorkerConfig.fromEnv(Map.of("EMO_S3_ENDPOINT", s3.endpoint,
        "EMO_S3_ACCESS_KEY", S3ProxyFixture.ACCESS, "EMO_S3_SECRET_KEY", S3ProxyFixture.SECRET,
        "EMO_S3_BUCKET", "emo", "EMO_WORK_DIR", work.toString()));
    platform = ArtifactStore.from(c);
    data = s3.store("incoming");
    observer = new ObservePrefixActivityImpl(
        new WorkerContext(c, platform, new MlflowTracker("http://127.0.0.1:9")));
  }

  @AfterAll
  static void stop() throws Exception {
    s3.close();
  }

  static void put(ArtifactStore store, String key, String text) throws Exception {
    Path f = Files.createTempFile(work, "obj", ".bin");
    Files.writeString(f, text);
    store.putFile(key, f);
  }

  private PrefixSnapshot look(String dag, String prefix, boolean pausedUponCreation)
      throws Exception {
    return observer.snapshot(new ObservePrefixInput(dag, prefix, pausedUponCreation));
  }

  @Test
  void digestFollowsNewRewrittenAndRemovedObjectsOnly() throws Exception {
    String prefix = "s3://incoming/a/";
    put(data, "a/manifest.csv", "path,label\n");
    put(data, "a/clips/x.wav", "one");
    put(data, "ab/elsewhere.wav", "not under a/"); // shares the characters, not the folder
    PrefixSnapshot first = look("d1", prefix, false);
    assertEquals(2, first.objectCount());
    assertEquals(14, first.totalBytes());
    assertEquals(first, look("d1", prefix, false), "nothing changed, same snapshot");

    put(data, "a/clips/y.wav", "two");
    PrefixSnapshot added = look("d1", prefix, false);
    assertEquals(3, added.objectCount());
    assertNotEquals(first.digest(), added.digest());

    put(data, "a/clips/y.wav", "TWO"); // same size, other bytes
    PrefixSnapshot rewritten = look("d1", prefix, false);
    assertEquals(added.totalBytes(), rewritten.totalBytes());
    assertNotEquals(added.digest(), rewritten.digest());

    PrefixSnapshot empty = look("d1", "s3://incoming/nothing-here/", false);
    assertEquals(0, empty.objectCount());
  }

  @Test
  void pausedComesFromTheDagStateObjectElseTheDagFile() throws Exception {
    String prefix = "s3://incoming/p/";
    put(data, "p/a.wav", "a");
    assertFalse(look("d2", prefix, false).paused());
    assertTrue(look("d2", prefix, true).paused(), "no state object: is_paused_upon_creation");
    put(platform, S3Keys.dagState("d2"),
        "{\"is_paused\": true, \"updated_at\": \"2026-01-01T00:00:00Z\", \"updated_by\": \"admin\"}");
    assertTrue(look("d2", prefix, false).paused());
    put(platform, S3Keys.dagState("d2"), "{\"is_paused\": false}");
    assertFalse(look("d2", prefix, true).paused());
  }

  @Test
  void aBrokenStateObjectOrPrefixIsAClearError() throws Exception {
    put(platform, S3Keys.dagState("d3"), "{\"is_paused\": \"maybe\"}");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> look("d3", "s3://incoming/p/", false));
    assertTrue(e.getMessage().contains("s3://emo/state/dags/d3.json")
        && e.getMessage().contains("\"maybe\""), e.getMessage());
    IllegalArgumentException noSlash = assertThrows(IllegalArgumentException.class,
        () -> look("d3", "s3://incoming/p", false));
    assertTrue(noSlash.getMessage().contains("'s3://incoming/p'"), noSlash.getMessage());
  }
}
