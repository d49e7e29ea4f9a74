package org.emoaudionet.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The documents and files the repository's own files cite, and which of them do not resolve to a
 * file of the repository. Three kinds:
 *
 * <ul>
 *   <li>{@link Kind#DOCUMENT}: a {@code *.md} name or path anywhere (a Java comment, a script, a
 *       YAML file, a pom, a document). It resolves relative to the citing file's folder or any
 *       folder above it up to the root, as a reader would look: {@code SPEC.md} in
 *       {@code workers/core/src/...} is {@code workers/core/SPEC.md}. Absolute paths never
 *       resolve: they name something outside the repository.
 *   <li>{@link Kind#LINK}: a Markdown link or image target in a {@code *.md} file, relative to
 *       that file as GitHub renders it (a leading {@code /} is the repository root).
 *   <li>{@link Kind#PATH}: a single-word code span in a {@code *.md} file that starts with a
 *       module folder ({@code `workers/samples/generate.sh`}), relative to the root or the file.
 * </ul>
 */
final class DocCitations {
  private DocCitations() {}

  enum Kind { DOCUMENT, LINK, PATH }

  record Citation(Path file, int line, Kind kind, String cited) {}

  /** Text files that can cite something; other files (audio, images, JSON fixtures) cannot. */
  private static final Set<String> TEXT = Set.of("java", "md", "yaml", "yml", "properties", "py",
      "sh", "xml", "txt", "toml", "cfg", "Dockerfile", "example");

  /** Build outputs, virtual environments, VCS data: not the repository's own text. */
  private static final Set<String> SKIPPED_DIRS = Set.of("target", "node_modules", "__pycache__");

  /** This checker and its test: their citations are examples, most of them broken on purpose. */
  private static final Set<String> NOT_SCANNED = Set.of(
      "infra/stack/src/test/java/org/emoaudionet/stack/DocCitations.java",
      "infra/stack/src/test/java/org/emoaudionet/stack/DocumentCitationsTest.java");

  /**
   * Names that look like a citation but are a file the code writes, keyed by the writing file
   * (relative to the root).
   */
  private static final Map<String, Set<String>> WRITTEN_NOT_CITED = Map.of(
      "workers/core/src/main/java/org/emoaudionet/cli/EvalCorpusCommand.java", Set.of("table.md"));

  private static final Pattern DOCUMENT =
      Pattern.compile("(?<![\\w./~:-])(/?(?:\\.\\.?/)*[\\w.~-]+(?:/[\\w.~-]+)*\\.md)(?![\\w/-])");
  private static final Pattern LINK =
      Pattern.compile("!?\\[[^\\]]*\\]\\(\\s*<?([^)\\s>]+)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
  private static final Pattern REFERENCE_LINK = Pattern.compile("^\\s{0,3}\\[[^\\]]+\\]:\\s*(\\S+)");
  private static final Pattern CODE_PATH =
      Pattern.compile("`((?:workers|workflows|api|infra)/[^`\\s]+)`");
  private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:.*");

  /** Every citation in the text files under {@code root}. */
  static List<Citation> scan(Path root) throws IOException {
    List<Citation> out = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      files.filter(f -> !skipped(root, f) && Files.isRegularFile(f) && isText(f))
          .sorted()
          .forEach(f -> out.addAll(citations(root, f)));
    }
    return out;
  }

  /** The citations that name nothing in the repository, one line each, file and line first. */
  static List<String> broken(Path root, List<Citation> citations) {
    List<String> out = new ArrayList<>();
    for (Citation c : citations) {
      if (!resolves(root, c)) {
        out.add(root.relativize(c.file()) + ":" + c.line() + ": " + c.kind().name().toLowerCase()
            + " '" + c.cited() + "' is not a file of the repository");
      }
    }
    return out;
  }

  static boolean resolves(Path root, Citation c) {
    String cited = c.cited();
    if (cited.startsWith("~")) return false;
    return switch (c.kind()) {
      case DOCUMENT -> !cited.startsWith("/") && foundUpwards(root, c.file().getParent(), cited);
      case LINK -> exists(root, cited.startsWith("/") ? root : c.file().getParent(),
          cited.replaceFirst("^/+", ""));
      case PATH -> exists(root, root, cited) || exists(root, c.file().getParent(), cited);
    };
  }

  private static boolean foundUpwards(Path root, Path dir, String cited) {
    for (Path d = dir; d != null && d.startsWith(root); d = d.getParent()) {
      Path p = d.resolve(cited).normalize();
      if (p.startsWith(root) && Files.isRegularFile(p)) return true;
    }
    return false;
  }

  private static boolean exists(Path root, Path dir, String cited) {
    Path p = dir.resolve(cited).normalize();
    return p.startsWith(root) && Files.exists(p);
  }

  private static List<Citation> citations(Path root, Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (MalformedInputException e) {
      return List.of(); // not UTF-8 text: nothing a reader would follow
    } catch (IOException e) {
      throw new UncheckedIOException(file.toString(), e);
    }
    String relative = root.relativize(file).toString().replace('\\', '/');
    if (NOT_SCANNED.contains(relative)) return List.of();
    Set<String> written = WRITTEN_NOT_CITED.getOrDefault(relative, Set.of());
    boolean markdown = file.getFileName().toString().endsWith(".md");
    List<Citation> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      Matcher m = DOCUMENT.matcher(line);
      while (m.find()) {
        if (!written.contains(m.group(1))) out.add(new Citation(file, i + 1, Kind.DOCUMENT, m.group(1)));
      }
      if (!markdown) continue;
      for (Pattern p : List.of(LINK, REFERENCE_LINK)) {
        Matcher l = p.matcher(line);
        while (l.find()) {
          String target = l.group(1).replaceFirst("[#?].*$", "");
          if (!target.isEmpty() && !SCHEME.matcher(target).matches()) {
            out.add(new Citation(file, i + 1, Kind.LINK, target));
          }
        }
      }
      Matcher c = CODE_PATH.matcher(line);
      while (c.find()) {
        String path = c.group(1);
        // placeholders and patterns (<dag>, {api,worker}, *.yaml, $EMO_HOME) and build outputs
        // name no one file
        if (!path.matches(".*[*<>{}$:…].*") && !path.contains("...") && !path.contains("/target/")) {
          out.add(new Citation(file, i + 1, Kind.PATH, path));
        }
      }
    }
    return out;
  }

  private static boolean skipped(Path root, Path f) {
    for (Path part : root.relativize(f)) {
      String name = part.toString();
      if (SKIPPED_DIRS.contains(name) || (name.startsWith(".") && !name.equals(".ci"))) return true;
    }
    return false;
  }

  private static boolean isText(Path f) {
    String name = f.getFileName().toString();
    int dot = name.lastIndexOf('.');
    if (dot >= 0) return TEXT.contains(name.substring(dot + 1));
    try (var in = Files.newInputStream(f)) {
      byte[] head = in.readNBytes(2);
      return head.length == 2 && head[0] == '#' && head[1] == '!'; // a script: ./emo, .ci/run
    } catch (IOException e) {
      return false;
    }
  }
}
