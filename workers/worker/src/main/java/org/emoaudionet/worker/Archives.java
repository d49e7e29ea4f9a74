package org.emoaudionet.worker;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * Deterministic tar.gz packing (sorted entries, fixed times and owners, so the same folder
 * always gives the same bytes and digest) and safe extraction of tar, tar.gz and zip: no
 * absolute names, no {@code ..}, no link leading outside the target folder.
 */
public final class Archives {
  private Archives() {}

  /** Every packed entry gets this time: 2000-01-01T00:00:00Z. */
  static final FileTime FIXED_TIME = FileTime.fromMillis(946_684_800_000L);

  public enum Kind { TAR_GZ, TAR, ZIP }

  /** The archive kind by name, else by its first bytes; null when it is no archive. */
  public static Kind kindOf(Path file) throws IOException {
    String n = file.getFileName().toString().toLowerCase();
    if (n.endsWith(".tar.gz") || n.endsWith(".tgz")) return Kind.TAR_GZ;
    if (n.endsWith(".tar")) return Kind.TAR;
    if (n.endsWith(".zip")) return Kind.ZIP;
    byte[] head = new byte[262];
    int len;
    try (InputStream in = Files.newInputStream(file)) {
      len = in.readNBytes(head, 0, head.length);
    }
    if (len >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) return Kind.TAR_GZ;
    if (len >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) return Kind.ZIP;
    if (len >= 262 && new String(head, 257, 5, java.nio.charset.StandardCharsets.US_ASCII).equals("ustar")) {
      return Kind.TAR;
    }
    return null;
  }

  public static void packTarGz(Path dir, Path target) throws IOException {
    if (!Files.isDirectory(dir)) throw new IllegalArgumentException(dir + " is not a folder");
    List<Path> entries = new ArrayList<>();
    try (Stream<Path> s = Files.walk(dir)) {
      s.filter(p -> !p.equals(dir)).forEach(entries::add);
    }
    entries.sort((a, b) -> relName(dir, a).compareTo(relName(dir, b)));
    try (OutputStream raw = new BufferedOutputStream(Files.newOutputStream(target), 1 << 16);
        GZIPOutputStream gz = new GZIPOutputStream(raw, 1 << 16);
        TarArchiveOutputStream tar = new TarArchiveOutputStream(gz)) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
      for (Path p : entries) {
        String name = relName(dir, p);
        TarArchiveEntry e;
        if (Files.isSymbolicLink(p)) {
          e = new TarArchiveEntry(name, TarArchiveEntry.LF_SYMLINK);
          e.setLinkName(Files.readSymbolicLink(p).toString().replace('\\', '/'));
          e.setMode(0120777);
        } else if (Files.isDirectory(p)) {
          e = new TarArchiveEntry(name + "/");
          e.setMode(040755);
        } else {
          e = new TarArchiveEntry(name);
          e.setMode(Files.isExecutable(p) ? 0100755 : 0100644);
          e.setSize(Files.size(p));
        }
        e.setModTime(FIXED_TIME);
        e.setUserId(0);
        e.setGroupId(0);
        e.setUserName("");
        e.setGroupName("");
        tar.putArchiveEntry(e);
        if (e.isFile()) Files.copy(p, tar);
        tar.closeArchiveEntry();
      }
      tar.finish();
    }
  }

  private static String relName(Path dir, Path p) {
    return dir.relativize(p).toString().replace('\\', '/');
  }

  /**
   * Unpacks {@code archive} into {@code dir}. {@code label} names the archive in errors (its URI
   * or key).
   *
   * @throws IllegalArgumentException an unsafe or unreadable entry, named with the archive
   */
  public static void extract(Path archive, Path dir, String label) throws IOException {
    Kind kind = kindOf(archive);
    if (kind == null) {
      throw new IllegalArgumentException("archive " + label
          + ": not a .tar.gz, .tgz, .tar or .zip (by name or content)");
    }
    Files.createDirectories(dir);
    Path root = dir.toRealPath();
    if (kind == Kind.ZIP) {
      extractZip(archive, root, label);
    } else {
      try (InputStream raw = new BufferedInputStream(Files.newInputStream(archive), 1 << 16);
          InputStream in = kind == Kind.TAR_GZ ? new GZIPInputStream(raw, 1 << 16) : raw;
          TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
        TarArchiveEntry e;
        while ((e = tar.getNextEntry()) != null) {
          String name = e.getName();
          Path target = safeTarget(root, name, label);
          if (e.isSymbolicLink()) {
            link(root, target, name, e.getLinkName(), label);
          } else if (e.isLink()) {
            Path source = safeTarget(root, e.getLinkName(), label + " (hard link " + name + ")");
            checkInsideReal(root, source, name, label);
            Files.createDirectories(target.getParent());
            Files.deleteIfExists(target);
            Files.createLink(target, source);
          } else if (e.isDirectory()) {
            Files.createDirectories(target);
          } else if (e.isFile()) {
            write(root, target, name, label, tar);
          } else {
            throw unsafe(label, name, "entries of this type (devices, fifos) are not extracted");
          }
        }
      } catch (java.util.zip.ZipException | java.io.EOFException e) {
        throw new IllegalArgumentException("archive " + label + " is corrupt: " + e.getMessage(), e);
      }
    }
  }

  private static void extractZip(Path archive, Path root, String label) throws IOException {
    try (ZipFile zip = ZipFile.builder().setPath(archive).get()) {
      Enumeration<ZipArchiveEntry> all = zip.getEntries();
      while (all.hasMoreElements()) {
        ZipArchiveEntry e = all.nextElement();
        String name = e.getName();
        Path target = safeTarget(root, name, label);
        if (e.isUnixSymlink()) {
          link(root, target, name, zip.getUnixSymlink(e), label);
        } else if (e.isDirectory()) {
          Files.createDirectories(target);
        } else {
          try (InputStream in = zip.getInputStream(e)) {
            write(root, target, name, label, in);
          }
        }
      }
    }
  }

  private static void write(Path root, Path target, String name, String label, InputStream in)
      throws IOException {
    Files.createDirectories(target.getParent());
    checkInsideReal(root, target.getParent(), name, label);
    if (Files.isSymbolicLink(target)) Files.delete(target); // never write through a link
    Files.copy(in, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }

  private static void link(Path root, Path target, String name, String linkName, String label)
      throws IOException {
    if (linkName == null || linkName.isEmpty()) throw unsafe(label, name, "symlink without target");
    if (linkName.startsWith("/") || linkName.startsWith("\\") || linkName.matches("^[A-Za-z]:.*")) {
      throw unsafe(label, name, "symlink to absolute path " + linkName);
    }
    Path resolved = target.getParent().resolve(linkName).normalize();
    if (!resolved.startsWith(root)) {
      throw unsafe(label, name, "symlink to " + linkName + " leads outside the target folder");
    }
    Files.createDirectories(target.getParent());
    checkInsideReal(root, target.getParent(), name, label);
    Files.deleteIfExists(target);
    Files.createSymbolicLink(target, Path.of(linkName));
    // a chain of links can leave the folder even when each looks inside
    if (Files.exists(target)) checkInsideReal(root, target, name, label);
  }

  /** The path an entry would be written to, refusing absolute names and {@code ..}. */
  static Path safeTarget(Path root, String name, String label) {
    if (name == null || name.isEmpty()) throw unsafe(label, String.valueOf(name), "empty name");
    String n = name.replace('\\', '/');
    if (n.startsWith("/") || n.matches("^[A-Za-z]:.*")) {
      throw unsafe(label, name, "absolute path");
    }
    for (String part : n.split("/")) {
      if (part.equals("..")) throw unsafe(label, name, "'..' in the path");
    }
    Path target = root.resolve(n).normalize();
    if (!target.startsWith(root)) throw unsafe(label, name, "leads outside the target folder");
    return target;
  }

  private static void checkInsideReal(Path root, Path p, String name, String label)
      throws IOException {
    Path real = p.toRealPath();
    if (!real.startsWith(root)) {
      throw unsafe(label, name, "resolves through a link to " + real + ", outside the target folder");
    }
  }

  private static IllegalArgumentException unsafe(String label, String entry, String why) {
    return new IllegalArgumentException(
        "archive " + label + ": unsafe entry '" + entry + "': " + why);
  }
}
