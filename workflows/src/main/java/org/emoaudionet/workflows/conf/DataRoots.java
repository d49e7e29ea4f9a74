package org.emoaudionet.workflows.conf;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The folders local data sets may come from ({@code EMO_DATA_ROOTS}). Containment is judged on
 * real paths, symbolic links resolved as the operating system resolves them when the file is
 * opened: a lexical check would pass {@code <root>/link/../x} when {@code link} points elsewhere,
 * and {@code <root>/link-to-etc/passwd} outright.
 */
final class DataRoots {
  private final List<Path> roots;

  DataRoots(List<Path> roots) {
    List<Path> out = new ArrayList<>();
    for (Path r : roots) out.add(r.toAbsolutePath().normalize());
    this.roots = List.copyOf(out);
  }

  List<Path> paths() {
    return roots;
  }

  /**
   * Whether a real path (from {@link #real}) is inside a root. Roots are resolved at each call:
   * one may be created (or re-pointed) after the policy was built.
   */
  boolean contains(Path real) {
    for (Path root : roots) {
      try {
        if (real.startsWith(real(root))) return true;
      } catch (IOException e) {
        // a root that cannot be resolved holds nothing
      }
    }
    return false;
  }

  /**
   * The real location of an absolute path: {@link Path#toRealPath} of its longest existing
   * prefix with the rest appended, so a path that does not exist (yet, or not on this machine:
   * the API checks paths the worker reads) can still be judged.
   *
   * @throws IOException when nobody can say where the path leads: a '..' after a part that does
   *     not exist, a link loop, no permission to look
   */
  static Path real(Path absolute) throws IOException {
    Deque<Path> rest = new ArrayDeque<>();
    for (Path p = absolute; p != null; p = p.getParent()) {
      Path existing;
      try {
        existing = p.toRealPath();
      } catch (NoSuchFileException e) {
        if (p.getFileName() != null) rest.push(p.getFileName());
        continue;
      }
      for (Path name : rest) {
        String n = name.toString();
        if (n.equals("..")) {
          throw new IOException("it has '..' after a part that does not exist, so where it"
              + " leads cannot be told");
        }
        if (!n.equals(".")) existing = existing.resolve(n);
      }
      return existing;
    }
    throw new IOException(absolute + " has no existing ancestor");
  }
}
