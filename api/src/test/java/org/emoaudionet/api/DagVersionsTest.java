package org.emoaudionet.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.emoaudionet.workflows.dag.DagCatalog;
import org.emoaudionet.workflows.dag.DagDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A DAG file whose content changed between two API processes becomes version 2; the same, not. */
class DagVersionsTest {
  @TempDir Path home;

  private DagVersions process() {
    ApiSettings s = new ApiSettings();
    s.home = home.toString();
    DagVersions v = new DagVersions();
    v.settings = s;
    v.catalog = DagCatalog.bundled();
    return v;
  }

  @Test
  void aNewContentIsANewVersionAndTheOldTextIsKept() throws Exception {
    DagDefinition d = DagCatalog.bundled().get("recola_arousal").orElseThrow();
    List<DagVersions.Entry> first = process().history(d);
    assertEquals(1, first.size());
    assertEquals(1, process().history(d).size(), "a restart with the same file adds nothing");

    // an earlier process had seen another content: the loaded one is the next version
    Path file = home.resolve("api/dag-versions/recola_arousal.json");
    String stored = Files.readString(file);
    Files.writeString(file, stored.replace(first.get(0).sha256(), "0".repeat(64))
        .replace("dag_id: recola_arousal", "dag_id: recola_arousal  # old"));
    DagVersions next = process();
    List<DagVersions.Entry> h = next.history(d);
    assertEquals(2, h.size());
    assertEquals(2, next.latest(d).versionNumber());
    assertNotEquals(h.get(0).content(), h.get(1).content());
    assertEquals(DagCatalog.bundled().text("recola_arousal").orElseThrow(), h.get(1).content());
    // version 1 keeps the id every DAG had before versions were kept
    assertEquals(java.util.UUID.nameUUIDFromBytes("dag-version:recola_arousal:1".getBytes(
        java.nio.charset.StandardCharsets.UTF_8)), next.view(d, h.get(0)).id());
  }
}
