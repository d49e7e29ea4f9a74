package org.emoaudionet.worker;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.emoaudionet.data.Corpus;
import org.emoaudionet.data.ManifestReader;
import org.emoaudionet.data.Recording;
import org.emoaudionet.pipeline.CorpusLoader;
import org.emoaudionet.pipeline.DatasetUri;
import org.emoaudionet.spec.Layout;
import org.emoaudionet.workflows.activity.DatasetRef;
import org.emoaudionet.workflows.conf.RunConf;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code conf.dataset_uri} naming the manifest CSV itself (path, file://, s3://): download gathers
 * the CSV and the files it lists (relative, absolute, outside its folder), stores them once, and
 * preprocess reads the same corpus as {@code ./emo train --dataset manifest:CSV}. On the bundled
 * synthetic manifest sample only.
 */
class ManifestCsvDatasetTest {
  static S3ProxyFixture s3;
  @TempDir static Path tmp;

  @BeforeAll
  static void start() throws Exception {
    s3 = new S3ProxyFixture();
  }

  @AfterAll
  static void stop() throws Exception {
    s3.close();
  }

  /**
   * A stager whose data roots are the samples and {@code dataRoot}, where the test writes its CSVs
   * and clips; 127.0.0.1 is a listed host (for the http refusal below).
   */
  private static DatasetStager stager(Path work, Path dataRoot) {
    WorkerConfig c = WorkerConfig.fromEnv(Map.of("EMO_S3_ENDPOINT", s3.endpoint,
        "EMO_S3_ACCESS_KEY", S3ProxyFixture.ACCESS, "EMO_S3_SECRET_KEY", S3ProxyFixture.SECRET,
        "EMO_S3_BUCKET", "emo", "EMO_WORK_DIR", work.toString(),
        "EMO_DATA_ROOTS", TestDataRoots.of(dataRoot), "EMO_DATA_HOSTS", "127.0.0.1"));
    ArtifactStore store = ArtifactStore.from(c);
    return new DatasetStager(store, new LocalDatasets(store, c.workDir()), c);
  }

  private static DatasetRef stage(Path work, String uri) throws Exception {
    return stage(work, work, uri);
  }

  private static DatasetRef stage(Path work, Path dataRoot, String uri) throws Exception {
    return stager(work, dataRoot).stage(uri, null, new TaskLog("download", "t", "r", 1), 1,
        (d, t) -> {});
  }

  private static RunConf conf(String uri) {
    return new RunConf("manifest", uri, "label", "small", "speaker", 1, 1L, false, null,
        "emoaudionet", null, Map.of());
  }

  /** What preprocess reads from the stored data set, as it would on this worker. */
  private static Corpus corpusOf(Path work, DatasetRef ref, String uri) throws Exception {
    Path tree = work.resolve("datasets/sha256-" + ref.digest());
    assertTrue(Files.isDirectory(tree), "unpacked for later tasks: " + tree);
    DatasetUri du = LocalDatasets.datasetUri(tree, conf(uri));
    assertEquals(Layout.MANIFEST, du.layout());
    return CorpusLoader.load(du, "label");
  }

  private static List<String> labelsBySpeaker(Corpus c) {
    return c.recordings().stream().map(r -> r.speaker() + ":" + r.label() + ":" + r.audio().getFileName())
        .sorted().toList();
  }

  @Test
  void aLocalCsvAndItsFileUriTravelWithTheirRelativeFiles(@TempDir Path work) throws Exception {
    Path csv = PromoteActivityTest.manifest();
    Corpus direct = ManifestReader.read(csv, "label");

    DatasetRef byPath = stage(work, csv.toString());
    assertFalse(byPath.reused());
    assertTrue(byPath.log().contains("96 listed files"), byPath.log());
    Corpus staged = corpusOf(work, byPath, csv.toString());
    assertEquals(direct.recordings().size(), staged.recordings().size());
    assertEquals(direct.task().classes(), staged.task().classes());
    assertEquals(labelsBySpeaker(direct), labelsBySpeaker(staged));
    for (Recording r : staged.recordings()) {
      assertTrue(r.audio().startsWith(work.resolve("datasets")), "read from the stored copy: " + r.audio());
    }
    // relative paths kept as they were, so the stored CSV is the CSV
    Path tree = work.resolve("datasets/sha256-" + byPath.digest());
    assertEquals(Files.readString(csv), Files.readString(tree.resolve("manifest.csv")));

    // the same CSV as a file:// URI is the same content: same digest, nothing uploaded again
    DatasetRef byUri = stage(work, csv.toUri().toString());
    assertTrue(csv.toUri().toString().startsWith("file:/"));
    assertEquals(byPath.digest(), byUri.digest());
    assertTrue(byUri.reused(), byUri.log());
  }

  /** A few sample clips listed relative, relative outside the CSV's folder, and absolute. */
  @Test
  void absoluteAndOutsidePathsAreStoredUnderExternalAndRewritten(@TempDir Path dir) throws Exception {
    Path sample = PromoteActivityTest.manifest().getParent();
    Path meta = Files.createDirectories(dir.resolve("corpus/meta"));
    Path audio = Files.createDirectories(dir.resolve("corpus/audio"));
    Path local = Files.createDirectories(meta.resolve("clips"));
    String[][] rows = {
        {"spk01/spk01_01.flac", "neutral", "spk01"}, {"spk07/spk07_06.flac", "sad", "spk07"},
        {"spk06/spk06_07.flac", "angry", "spk06"}, {"spk08/spk08_07.flac", "angry", "spk08"}};
    StringBuilder sb = new StringBuilder("path,label,speaker,notes\n");
    for (int i = 0; i < rows.length; i++) {
      Path from = sample.resolve("clips").resolve(rows[i][0]);
      String name = Path.of(rows[i][0]).getFileName().toString();
      String listed;
      if (i == 0) {
        Files.copy(from, local.resolve(name));
        listed = "clips/" + name;                       // relative, inside
      } else if (i == 1) {
        Files.copy(from, audio.resolve(name));
        listed = "../audio/" + name;                    // relative, outside the CSV's folder
      } else {
        listed = from.toAbsolutePath().toString();      // absolute
      }
      sb.append(listed).append(',').append(rows[i][1]).append(',').append(rows[i][2])
          .append(",\"synthetic, \"\"quoted\"\"\"\n");
    }
    Path csv = meta.resolve("labels.csv");
    Files.writeString(csv, sb.toString());
    Corpus direct = ManifestReader.read(csv, "label");

    Path work = dir.resolve("work");
    DatasetRef ref = stage(work, dir, csv.toUri().toString());
    assertTrue(ref.log().contains("stored under _external/"), ref.log());
    Path tree = work.resolve("datasets/sha256-" + ref.digest());
    assertTrue(Files.isRegularFile(tree.resolve("labels.csv")), "the CSV keeps its name");
    assertTrue(Files.isRegularFile(tree.resolve("clips/spk01_01.flac")));
    assertTrue(Files.isRegularFile(tree.resolve("_external").resolve(
        audio.resolve("spk07_06.flac").toAbsolutePath().toString().substring(1))));
    String stored = Files.readString(tree.resolve("labels.csv"));
    assertTrue(stored.startsWith("path,label,speaker,notes\nclips/spk01_01.flac,neutral,spk01,"), stored);
    assertTrue(stored.contains("\"synthetic, \"\"quoted\"\"\""), "other fields kept: " + stored);
    assertFalse(stored.contains(".."), stored);

    Corpus staged = corpusOf(work, ref, csv.toUri().toString());
    assertEquals(4, staged.recordings().size());
    assertEquals(direct.task().classes(), staged.task().classes());
    assertEquals(labelsBySpeaker(direct), labelsBySpeaker(staged));
  }

  @Test
  void anS3CsvFetchesTheObjectsItListsUnderItsPrefix(@TempDir Path work) throws Exception {
    Path sample = PromoteActivityTest.manifest().getParent();
    ArtifactStore other = s3.store("corpora");
    other.putFile("real/audio/a.flac", sample.resolve("clips/spk01/spk01_01.flac"));
    other.putFile("real/meta/clips/b.flac", sample.resolve("clips/spk07/spk07_06.flac"));
    other.putFile("real/meta/clips/c.flac", sample.resolve("clips/spk06/spk06_07.flac"));
    other.putFile("real/meta/unlisted.flac", sample.resolve("clips/spk08/spk08_07.flac"));
    Path csv = Files.writeString(work.resolve("up.csv"), "path,label,speaker\n"
        + "../audio/a.flac,neutral,spk01\nclips/b.flac,sad,spk07\nclips/c.flac,angry,spk06\n");
    other.putFile("real/meta/labels.csv", csv);

    String uri = "s3://corpora/real/meta/labels.csv";
    DatasetRef ref = stage(work, uri);
    assertTrue(ref.log().contains("fetched the 3 objects it lists"), ref.log());
    Path tree = work.resolve("datasets/sha256-" + ref.digest());
    assertTrue(Files.isRegularFile(tree.resolve("clips/b.flac")));
    assertTrue(Files.isRegularFile(tree.resolve("_external/real/audio/a.flac")));
    assertFalse(Files.exists(tree.resolve("unlisted.flac")), "only what the CSV lists travels");
    Corpus staged = corpusOf(work, ref, uri);
    assertEquals(List.of("angry", "neutral", "sad"), staged.task().classes());
    assertEquals(3, staged.recordings().size());

    other.putFile("real/meta/missing.csv", Files.writeString(work.resolve("m.csv"),
        "path,label\nclips/b.flac,sad\nclips/nope.flac,sad\n"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> stage(work, "s3://corpora/real/meta/missing.csv"));
    assertTrue(e.getMessage().contains("line 3") && e.getMessage().contains("clips/nope.flac")
        && e.getMessage().contains("no object s3://corpora/real/meta/clips/nope.flac"), e.getMessage());
    other.putFile("real/meta/abs.csv", Files.writeString(work.resolve("a.csv"),
        "path,label\n/etc/passwd,sad\n"));
    e = assertThrows(IllegalArgumentException.class, () -> stage(work, "s3://corpora/real/meta/abs.csv"));
    assertTrue(e.getMessage().contains("line 2") && e.getMessage().contains("relative to its folder"),
        e.getMessage());
  }

  @Test
  void badCsvSourcesSayWhy(@TempDir Path work) throws Exception {
    Path csv = Files.writeString(work.resolve("bad.csv"), "path,label\nthere.wav,a\nnot-there.wav,b\n");
    Files.writeString(work.resolve("there.wav"), "x");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> stage(work.resolve("w"), work, csv.toString()));
    assertTrue(e.getMessage().contains("line 3") && e.getMessage().contains("'not-there.wav'")
        && e.getMessage().contains("not a file"), e.getMessage());
    Path nolabel = Files.writeString(work.resolve("nopath.csv"), "file,label\na.wav,x\n");
    e = assertThrows(IllegalArgumentException.class, () -> stage(work.resolve("w"), work, nolabel.toString()));
    assertTrue(e.getMessage().contains("missing column path"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> stage(work.resolve("w"), work, work.resolve("absent.csv").toString()));
    assertTrue(e.getMessage().contains("absent.csv") && e.getMessage().contains("not a file"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> stage(work.resolve("w"), work, "https://127.0.0.1:9/labels.csv"));
    assertTrue(e.getMessage().contains("local path, file:// or s3://"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> stager(work.resolve("w"), work).stage(
        csv.toString(), "md5:" + "0".repeat(32), new TaskLog("download", "t", "r", 1), 1, (d, t) -> {}));
    assertTrue(e.getMessage().contains("checksum"), e.getMessage());
  }

  /** A CSV inside the roots may only list files inside them: it could list /etc/shadow. */
  @Test
  void aCsvListingFilesOutsideTheRootsIsRefusedNamingTheLine(@TempDir Path work,
      @TempDir Path outside) throws Exception {
    Files.writeString(outside.resolve("secret.wav"), "not for runs");
    Files.writeString(work.resolve("inside.wav"), "x");
    Path csv = Files.writeString(work.resolve("list.csv"), "path,label\ninside.wav,a\n"
        + outside.resolve("secret.wav") + ",b\n");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> stage(work.resolve("w"), work, csv.toString()));
    assertTrue(e.getMessage().contains("line 3 lists '" + outside.resolve("secret.wav")
        + "', which is outside the data roots"), e.getMessage());
    Path escape = Files.writeString(work.resolve("up.csv"), "path,label\n../"
        + outside.getFileName() + "/secret.wav,b\n");
    e = assertThrows(IllegalArgumentException.class,
        () -> stage(work.resolve("w"), work, escape.toString()));
    assertTrue(e.getMessage().contains("line 2") && e.getMessage().contains("outside the data"
        + " roots"), e.getMessage());
  }
}
