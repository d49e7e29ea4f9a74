package org.emoaudionet.worker;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import org.emoaudionet.worker.TestArchives.Entry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchivesTest {
  @TempDir Path tmp;

  private IllegalArgumentException refused(Path archive) {
    return assertThrows(IllegalArgumentException.class,
        () -> Archives.extract(archive, tmp.resolve("out"), archive.getFileName().toString()));
  }

  @Test
  void extractsSafeTarGzAndZip() throws Exception {
    Path tgz = TestArchives.tarGz(tmp.resolve("ok.tar.gz"), Entry.file("d/a.txt", "A"),
        Entry.symlink("d/link", "a.txt"), Entry.hardlink("d/hard", "d/a.txt"));
    Archives.extract(tgz, tmp.resolve("t"), "ok.tar.gz");
    assertEquals("A", Files.readString(tmp.resolve("t/d/a.txt")));
    assertEquals("A", Files.readString(tmp.resolve("t/d/link")));
    assertEquals("A", Files.readString(tmp.resolve("t/d/hard")));

    Path zip = TestArchives.zip(tmp.resolve("ok.zip"), Entry.file("z/b.txt", "B"));
    Archives.extract(zip, tmp.resolve("z"), "ok.zip");
    assertEquals("B", Files.readString(tmp.resolve("z/z/b.txt")));
  }

  @Test
  void refusesDotDot() throws Exception {
    Path a = TestArchives.tarGz(tmp.resolve("dotdot.tar.gz"), Entry.file("ok.txt", "x"),
        Entry.file("../x", "evil"));
    IllegalArgumentException e = refused(a);
    assertTrue(e.getMessage().contains("dotdot.tar.gz") && e.getMessage().contains("'../x'"),
        e.getMessage());
    assertFalse(Files.exists(tmp.resolve("x")));
  }

  @Test
  void refusesAbsolutePath() throws Exception {
    IllegalArgumentException e =
        refused(TestArchives.tarGzWithRawName(tmp.resolve("abs.tar.gz"), "/abs", "evil"));
    assertTrue(e.getMessage().contains("'/abs'") && e.getMessage().contains("absolute"),
        e.getMessage());
  }

  @Test
  void refusesSymlinkLeadingOutside() throws Exception {
    IllegalArgumentException e = refused(TestArchives.tarGz(tmp.resolve("sym.tar.gz"),
        Entry.symlink("up", "../../etc"), Entry.file("up/passwd", "evil")));
    assertTrue(e.getMessage().contains("sym.tar.gz") && e.getMessage().contains("'up'"),
        e.getMessage());
    IllegalArgumentException abs = refused(TestArchives.tarGz(tmp.resolve("sym2.tar.gz"),
        Entry.symlink("etc", "/etc")));
    assertTrue(abs.getMessage().contains("'etc'"), abs.getMessage());
  }

  @Test
  void refusesHardlinkLeadingOutside() throws Exception {
    IllegalArgumentException e = refused(TestArchives.tarGz(tmp.resolve("hard.tar.gz"),
        Entry.hardlink("h", "../outside")));
    assertTrue(e.getMessage().contains("hard.tar.gz"), e.getMessage());
  }

  @Test
  void refusesUnsafeZipEntries() throws Exception {
    IllegalArgumentException e = refused(TestArchives.zip(tmp.resolve("evil.zip"),
        Entry.file("../../evil.txt", "x")));
    assertTrue(e.getMessage().contains("evil.zip") && e.getMessage().contains("../../evil.txt"),
        e.getMessage());
    IllegalArgumentException s = refused(TestArchives.zip(tmp.resolve("evil-link.zip"),
        Entry.symlink("l", "/etc/passwd")));
    assertTrue(s.getMessage().contains("'l'"), s.getMessage());
  }

  @Test
  void packingIsDeterministic() throws Exception {
    Path src = Files.createDirectories(tmp.resolve("src/b"));
    Files.writeString(src.resolve("y.txt"), "y");
    Files.writeString(tmp.resolve("src/a.txt"), "a");
    Archives.packTarGz(tmp.resolve("src"), tmp.resolve("one.tar.gz"));
    Files.setLastModifiedTime(src.resolve("y.txt"), java.nio.file.attribute.FileTime.fromMillis(1));
    Archives.packTarGz(tmp.resolve("src"), tmp.resolve("two.tar.gz"));
    assertEquals(Digests.sha256(tmp.resolve("one.tar.gz")), Digests.sha256(tmp.resolve("two.tar.gz")));
    Archives.extract(tmp.resolve("two.tar.gz"), tmp.resolve("back"), "two");
    assertEquals("y", Files.readString(tmp.resolve("back/b/y.txt")));
  }
}
