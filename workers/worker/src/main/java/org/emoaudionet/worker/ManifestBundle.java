package org.emoaudionet.worker;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.emoaudionet.data.CsvTable;
import org.emoaudionet.data.DataFormatException;
import org.emoaudionet.workflows.conf.DataSourcePolicy;

/**
 * A {@code dataset_uri} that names a manifest CSV itself ({@code ./emo train --dataset
 * manifest:CSV} through the platform): the CSV and every file it lists gathered into one folder,
 * which is then stored like any folder (packed deterministically, so the same CSV and files give
 * the same digest and the preprocess cache hits).
 *
 * <p>In the folder the CSV keeps its name at the top. A file listed by a relative path inside the
 * CSV's folder keeps that path; one listed by an absolute path, or by a relative path that leaves
 * the CSV's folder ({@code ../audio/a.wav}), goes under {@code _external/} by its absolute path
 * (or S3 key) and the CSV's {@code path} field is rewritten to it; nothing else in the CSV
 * changes. Local CSV: paths relative to its folder or absolute on the worker. {@code s3://} CSV:
 * relative paths are keys under the CSV's prefix (normalised, so {@code ../audio/a.wav} from
 * {@code meta/labels.csv} is {@code audio/a.wav}); absolute paths are refused.
 */
final class ManifestBundle {
  private ManifestBundle() {}

  static final String EXTERNAL = "_external";

  /** The manifest's file name in the folder: the name the URI gives it. */
  static String csvName(String uri) {
    String path = uri.trim();
    int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
    return path.substring(slash + 1);
  }

  /**
   * Gathers a CSV on this worker's disk and the files it lists into {@code tree}. Each listed file
   * must be inside the data roots too: a CSV in a root could otherwise list /etc/shadow.
   */
  static Path gatherLocal(String uri, Path csv, Path tree, TaskLog log, DataSourcePolicy sources)
      throws IOException {
    if (!Files.isRegularFile(csv)) {
      throw new IllegalArgumentException("dataset URI " + uri + ": manifest " + csv.toAbsolutePath()
          + " is not a file (on worker " + DatasetStager.hostName() + ")");
    }
    Path base = csv.toAbsolutePath().normalize().getParent();
    CsvTable table = read(uri, csv);
    int pathCol = table.requireColumn("path");
    Files.createDirectories(tree);
    String name = csvName(uri);
    List<String> rewritten = new ArrayList<>();
    Set<String> copied = new HashSet<>();
    boolean rewrite = false;
    long bytes = 0;
    for (CsvTable.Row r : table.rows()) {
      String raw = r.get(pathCol).strip();
      if (raw.isEmpty()) throw bad(uri, r, "has an empty path");
      Path file;
      try {
        file = base.resolve(raw).normalize();
      } catch (InvalidPathException e) {
        throw bad(uri, r, "has an invalid path '" + raw + "'");
      }
      String rel;
      if (file.startsWith(base) && !file.equals(base)) {
        rel = slashes(base.relativize(file).toString());
      } else {
        rel = EXTERNAL + "/" + slashes(file.getRoot() == null ? file.toString()
            : file.getRoot().relativize(file).toString());
      }
      if (rel.equals(name)) throw bad(uri, r, "lists the manifest itself ('" + raw + "')");
      boolean same = !Path.of(raw).isAbsolute() && tree.resolve(raw).normalize().equals(tree.resolve(rel).normalize());
      rewrite |= !same;
      rewritten.add(same ? raw : rel);
      if (!copied.add(rel)) continue; // listed twice: the core's reader says so, naming the line
      Path real = sources.insideRoots(DatasetStager.FIELD + " '" + uri + "': line " + r.line()
          + " lists '" + raw + "', which", file);
      if (!Files.isRegularFile(real)) {
        throw bad(uri, r, "lists '" + raw + "', which is not a file (" + file + " on worker "
            + DatasetStager.hostName() + ")");
      }
      Path target = tree.resolve(rel);
      Files.createDirectories(target.getParent());
      Files.copy(real, target, StandardCopyOption.REPLACE_EXISTING);
      bytes += Files.size(target);
    }
    writeCsv(csv, table, pathCol, rewrite ? rewritten : null, tree.resolve(name));
    log.say("manifest " + uri + ": " + copied.size() + " listed files (" + bytes + " bytes) gathered"
        + " beside it" + (rewrite ? "; paths outside its folder stored under " + EXTERNAL
            + "/ and rewritten in the stored CSV" : ""));
    return tree;
  }

  /** Gathers an {@code s3://} CSV and the objects it lists (keys under its prefix) into {@code tree}. */
  static Path gatherS3(S3Source src, ArtifactStore there, Path tree, HttpFetcher.Progress progress,
      TaskLog log) throws IOException {
    String uri = src.uri();
    Path root = Files.createDirectories(tree).toRealPath();
    String name = csvName(src.key());
    Path csv = Files.createTempFile(root.getParent(), ".manifest-", ".csv");
    try {
      src.downloadObject(there, csv, log);
      CsvTable table = read(uri, csv);
      int pathCol = table.requireColumn("path");
      int cut = src.key().lastIndexOf('/');
      String folder = cut < 0 ? "" : src.key().substring(0, cut + 1);
      List<String> rewritten = new ArrayList<>();
      List<String> keys = new ArrayList<>();
      List<Path> targets = new ArrayList<>();
      Set<String> seen = new HashSet<>();
      boolean rewrite = false;
      for (CsvTable.Row r : table.rows()) {
        String raw = r.get(pathCol).strip();
        if (raw.isEmpty()) throw bad(uri, r, "has an empty path");
        if (raw.startsWith("/") || raw.startsWith("\\") || raw.matches("^[A-Za-z][A-Za-z0-9+.-]*:.*")) {
          throw bad(uri, r, "lists '" + raw + "' by an absolute path or URI; an s3:// manifest lists"
              + " its files by paths relative to its folder (keys under s3://" + src.bucket() + "/"
              + folder + ")");
        }
        String key = normalizeKey(folder + raw.replace('\\', '/'));
        if (key == null) throw bad(uri, r, "lists '" + raw + "', which leads outside the bucket");
        String rel = key.startsWith(folder) ? key.substring(folder.length()) : EXTERNAL + "/" + key;
        if (rel.equals(name)) throw bad(uri, r, "lists the manifest itself ('" + raw + "')");
        boolean same = root.resolve(raw).normalize().equals(root.resolve(rel).normalize());
        rewrite |= !same;
        rewritten.add(same ? raw : rel);
        if (!seen.add(key)) continue;
        if (!there.exists(key)) {
          throw bad(uri, r, "lists '" + raw + "', but there is no object s3://" + src.bucket() + "/" + key);
        }
        keys.add(key);
        targets.add(src.inside(root, rel, key));
      }
      long done = 0;
      for (int i = 0; i < keys.size(); i++) {
        there.getFile(keys.get(i), targets.get(i));
        done += Files.size(targets.get(i));
        progress.bytes(done, -1);
      }
      writeCsv(csv, table, pathCol, rewrite ? rewritten : null, root.resolve(name));
      log.say("manifest " + uri + ": fetched the " + keys.size() + " objects it lists (" + done
          + " bytes)" + (rewrite ? "; keys outside its folder stored under " + EXTERNAL
              + "/ and rewritten in the stored CSV" : ""));
      return root;
    } finally {
      Files.deleteIfExists(csv);
    }
  }

  private static CsvTable read(String uri, Path csv) throws IOException {
    try {
      return CsvTable.read(csv, ',');
    } catch (DataFormatException e) {
      throw new IllegalArgumentException("dataset URI " + uri + ": " + e.getMessage(), e);
    }
  }

  private static IllegalArgumentException bad(String uri, CsvTable.Row r, String what) {
    return new IllegalArgumentException("dataset URI " + uri + ": line " + r.line() + " " + what);
  }

  /** {@code a/b/../c} → {@code a/c}; null when it climbs above the bucket's root. */
  static String normalizeKey(String key) {
    List<String> parts = new ArrayList<>();
    for (String p : key.split("/")) {
      if (p.isEmpty() || p.equals(".")) continue;
      if (p.equals("..")) {
        if (parts.isEmpty()) return null;
        parts.remove(parts.size() - 1);
      } else {
        parts.add(p);
      }
    }
    return parts.isEmpty() ? null : String.join("/", parts);
  }

  private static String slashes(String p) {
    return p.replace('\\', '/');
  }

  /** The CSV as it was, or with the path field of each row replaced (RFC 4180 quoting). */
  private static void writeCsv(Path original, CsvTable table, int pathCol, List<String> paths,
      Path target) throws IOException {
    if (paths == null) {
      Files.copy(original, target, StandardCopyOption.REPLACE_EXISTING);
      return;
    }
    StringBuilder sb = new StringBuilder();
    line(sb, table.header());
    for (int i = 0; i < table.rows().size(); i++) {
      List<String> fields = new ArrayList<>(table.rows().get(i).fields());
      while (fields.size() <= pathCol) fields.add("");
      fields.set(pathCol, paths.get(i));
      line(sb, fields);
    }
    Files.writeString(target, sb.toString(), StandardCharsets.UTF_8);
  }

  private static void line(StringBuilder sb, List<String> fields) {
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) sb.append(',');
      String f = fields.get(i);
      if (f.contains(",") || f.contains("\"") || f.contains("\n") || f.contains("\r")) {
        sb.append('"').append(f.replace("\"", "\"\"")).append('"');
      } else {
        sb.append(f);
      }
    }
    sb.append('\n');
  }
}
