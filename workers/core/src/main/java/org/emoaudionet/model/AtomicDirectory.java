package org.emoaudionet.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Publishes a directory all at once: its files are written into a hidden sibling, fsynced, and
 * the sibling renamed into place, so that a reader (or a resumed run after a crash) sees the old
 * directory or the new one, never half of one.
 */
public final class AtomicDirectory {
  private AtomicDirectory() {}

  public interface Writer {
    void write(Path dir) throws IOException;
  }

  /** Writes {@code target} through {@code writer}, replacing any previous {@code target}. */
  public static void publish(Path target, Writer writer) throws IOException {
    Path parent = target.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path tmp = parent.resolve(".tmp-" + target.getFileName());
    Path old = parent.resolve(".old-" + target.getFileName());
    deleteRecursively(tmp);
    Files.createDirectories(tmp);
    writer.write(tmp);
    fsyncAll(tmp);
    deleteRecursively(old);
    if (Files.exists(target)) Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
    fsync(parent);
    deleteRecursively(old);
  }

  /**
   * Repairs the one window {@link #publish} leaves (old moved away, new not yet in place): puts
   * the old directory back.
   */
  public static void recover(Path target) throws IOException {
    Path parent = target.toAbsolutePath().getParent();
    Path old = parent.resolve(".old-" + target.getFileName());
    if (!Files.exists(target) && Files.exists(old)) Files.move(old, target, StandardCopyOption.ATOMIC_MOVE);
    deleteRecursively(parent.resolve(".tmp-" + target.getFileName()));
  }

  public static void deleteRecursively(Path p) throws IOException {
    if (!Files.exists(p)) return;
    try (Stream<Path> s = Files.walk(p)) {
      s.sorted(Comparator.reverseOrder()).forEach(q -> {
        try {
          Files.delete(q);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private static void fsyncAll(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      for (Path f : (Iterable<Path>) s::iterator) {
        if (Files.isRegularFile(f)) {
          try (FileChannel ch = FileChannel.open(f, StandardOpenOption.WRITE)) {
            ch.force(true);
          }
        }
      }
    }
    fsync(dir);
  }

  private static void fsync(Path dir) {
    // Directory fsync makes the rename durable on Linux; other systems refuse to open a directory.
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException ignored) {
      // best effort
    }
  }
}
