package org.emoaudionet.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.emoaudionet.stack.DocCitations.Citation;
import org.emoaudionet.stack.DocCitations.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every document a file of the repository cites exists in the repository, and every link and
 * image of its Markdown files resolves: a citation of a file that lives elsewhere (another
 * machine's folder, a document never committed) is a dead end for whoever clones it.
 */
class DocumentCitationsTest {
  @Test
  void everyCitedDocumentAndLinkedFileExists() throws Exception {
    Path root = RepoRoot.find();
    List<Citation> all = DocCitations.scan(root);
    // the scan reads what it should: the core's sources cite the core's SPEC.md
    assertTrue(all.stream().anyMatch(c -> c.kind() == Kind.DOCUMENT && c.cited().equals("SPEC.md")
        && c.file().endsWith("workers/core/src/main/java/org/emoaudionet/model/EmoAudioNetFactory.java")),
        "no SPEC.md citation found in EmoAudioNetFactory.java");
    assertEquals(List.of(), DocCitations.broken(root, all));
  }

  @Test
  void everyReadmeImageAndLinkResolves() throws Exception {
    Path root = RepoRoot.find();
    List<Citation> links = DocCitations.scan(root).stream()
        .filter(c -> c.kind() == Kind.LINK && c.file().equals(root.resolve("README.md")))
        .toList();
    assertTrue(links.stream().anyMatch(c -> c.cited().endsWith(".png")), "no image found: " + links);
    assertTrue(links.size() >= 3, "README.md links: " + links);
    assertEquals(List.of(), DocCitations.broken(root, links));
  }

  @Test
  void reportsWhatIsMissingOrOutside(@TempDir Path root) throws Exception {
    Path module = Files.createDirectories(root.resolve("workers/core"));
    Files.writeString(module.resolve("SPEC.md"), "# spec\n");
    Path src = Files.createDirectories(module.resolve("src/main/java/x"));
    Files.writeString(src.resolve("A.java"), String.join("\n",
        "/** SPEC.md \"Model\"; the environment of PLATFORM.md. */",
        "// see /work/shared/SPEC.md and https://github.com/o/r/blob/main/NOTES.md",
        "class A {}"));
    Files.writeString(root.resolve("README.md"), String.join("\n",
        "![chart](infra/docs/missing.png) [spec](workers/core/SPEC.md#model)",
        "[site](https://example.org/x.png) `workers/core/SPEC.md` `workers/gone.sh`",
        "[up](../outside.md) `workers/<dag>/x`"));
    Files.createDirectories(root.resolve("target"));
    Files.writeString(root.resolve("target/B.java"), "// GONE.md\n"); // build output: not read

    List<String> broken = DocCitations.broken(root, DocCitations.scan(root));

    assertEquals(List.of(
        "README.md:1: link 'infra/docs/missing.png' is not a file of the repository",
        "README.md:2: path 'workers/gone.sh' is not a file of the repository",
        "README.md:3: document '../outside.md' is not a file of the repository",
        "README.md:3: link '../outside.md' is not a file of the repository",
        "workers/core/src/main/java/x/A.java:1: document 'PLATFORM.md' is not a file of the"
            + " repository",
        "workers/core/src/main/java/x/A.java:2: document '/work/shared/SPEC.md' is not a file of"
            + " the repository"), broken);
  }
}
