package org.emoaudionet.worker;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

/** Builds small synthetic archives, hostile ones included, for the tests. */
final class TestArchives {
  private TestArchives() {}

  /** One entry of a synthetic archive: a file (text), a symlink or a hard link (target). */
  record Entry(String name, String text, String symlinkTo, String hardlinkTo) {
    static Entry file(String name, String text) {
      return new Entry(name, text, null, null);
    }

    static Entry symlink(String name, String target) {
      return new Entry(name, null, target, null);
    }

    static Entry hardlink(String name, String target) {
      return new Entry(name, null, null, target);
    }
  }

  static Path tarGz(Path file, Entry... entries) throws IOException {
    try (OutputStream raw = Files.newOutputStream(file);
        GZIPOutputStream gz = new GZIPOutputStream(raw);
        TarArchiveOutputStream tar = new TarArchiveOutputStream(gz)) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      for (Entry e : entries) {
        TarArchiveEntry te;
        if (e.symlinkTo() != null) {
          te = new TarArchiveEntry(e.name(), TarArchiveEntry.LF_SYMLINK);
          te.setLinkName(e.symlinkTo());
        } else if (e.hardlinkTo() != null) {
          te = new TarArchiveEntry(e.name(), TarArchiveEntry.LF_LINK);
          te.setLinkName(e.hardlinkTo());
        } else {
          te = new TarArchiveEntry(e.name());
          te.setSize(e.text().getBytes(StandardCharsets.UTF_8).length);
        }
        tar.putArchiveEntry(te);
        if (e.text() != null) tar.write(e.text().getBytes(StandardCharsets.UTF_8));
        tar.closeArchiveEntry();
      }
    }
    return file;
  }

  /**
   * A tar.gz whose first entry is named {@code rawName} verbatim: commons-compress strips a
   * leading '/' when writing, so the header is patched (name and checksum) afterwards, as a
   * hostile {@code tar -P} would have written it.
   */
  static Path tarGzWithRawName(Path file, String rawName, String text) throws IOException {
    String stand = "x".repeat(rawName.length());
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
      TarArchiveEntry te = new TarArchiveEntry(stand);
      byte[] body = text.getBytes(StandardCharsets.UTF_8);
      te.setSize(body.length);
      tar.putArchiveEntry(te);
      tar.write(body);
      tar.closeArchiveEntry();
    }
    byte[] t = bytes.toByteArray();
    byte[] name = rawName.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(name, 0, t, 0, name.length);
    java.util.Arrays.fill(t, 148, 156, (byte) ' ');
    long sum = 0;
    for (int i = 0; i < 512; i++) sum += t[i] & 0xff;
    byte[] chk = String.format("%06o\0 ", sum).getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(chk, 0, t, 148, 8);
    try (OutputStream gz = new GZIPOutputStream(Files.newOutputStream(file))) {
      gz.write(t);
    }
    return file;
  }

  static Path zip(Path file, Entry... entries) throws IOException {
    try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(file.toFile())) {
      for (Entry e : entries) {
        ZipArchiveEntry ze = new ZipArchiveEntry(e.name());
        byte[] body;
        if (e.symlinkTo() != null) {
          ze.setUnixMode(0120777);
          body = e.symlinkTo().getBytes(StandardCharsets.UTF_8);
        } else {
          body = e.text().getBytes(StandardCharsets.UTF_8);
        }
        zip.putArchiveEntry(ze);
        zip.write(body);
        zip.closeArchiveEntry();
      }
    }
    return file;
  }
}
