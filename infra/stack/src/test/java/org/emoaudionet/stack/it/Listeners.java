package org.emoaudionet.stack.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The TCP sockets a set of processes listens on, read from Linux's /proc (what {@code ss -ltnp}
 * shows): socket inodes from /proc/PID/fd matched against the LISTEN rows of /proc/net/tcp{,6}.
 */
final class Listeners {
  private Listeners() {}

  /** A listening socket: its address as text ({@code 127.0.0.1}, {@code ::}) and port. */
  record Listener(String address, int port) {
    boolean loopback() {
      return address.startsWith("127.") || address.equals("::1")
          || address.startsWith("::ffff:127.");
    }
  }

  static boolean supported() {
    return Files.isReadable(Path.of("/proc/net/tcp"));
  }

  /** Every LISTEN socket held by {@code pids}. */
  static List<Listener> of(Set<Long> pids) throws IOException {
    Set<String> inodes = new HashSet<>();
    for (long pid : pids) {
      Path fds = Path.of("/proc", Long.toString(pid), "fd");
      if (!Files.isDirectory(fds)) continue;
      try (Stream<Path> s = Files.list(fds)) {
        for (Path fd : s.toList()) {
          try {
            String target = Files.readSymbolicLink(fd).toString();
            if (target.startsWith("socket:[")) inodes.add(target.substring(8, target.length() - 1));
          } catch (IOException gone) {
            // the fd closed while we looked
          }
        }
      } catch (IOException gone) {
        // the process ended while we looked
      }
    }
    List<Listener> out = new ArrayList<>();
    for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
      Path p = Path.of(table);
      if (!Files.isReadable(p)) continue;
      List<String> rows = Files.readAllLines(p);
      for (String line : rows.subList(1, rows.size())) {
        String[] f = line.trim().split("\\s+");
        if (f.length < 10 || !f[3].equals("0A") || !inodes.contains(f[9])) continue; // 0A: LISTEN
        String[] local = f[1].split(":");
        out.add(new Listener(address(local[0]), Integer.parseInt(local[1], 16)));
      }
    }
    return out;
  }

  /** The pids of {@code roots} and all their descendants. */
  static Set<Long> tree(List<ProcessHandle> roots) {
    Set<Long> pids = new HashSet<>();
    for (ProcessHandle h : roots) {
      pids.add(h.pid());
      h.descendants().forEach(d -> pids.add(d.pid()));
    }
    return pids;
  }

  /** /proc's hex address: IPv4 as one little-endian word, IPv6 as four. */
  static String address(String hex) {
    if (hex.length() == 8) {
      long v = Long.parseLong(hex, 16);
      return (v & 0xff) + "." + ((v >> 8) & 0xff) + "." + ((v >> 16) & 0xff) + "." + ((v >> 24) & 0xff);
    }
    int[] words = new int[8];
    for (int w = 0; w < 4; w++) {
      long v = Long.parseLong(hex.substring(w * 8, w * 8 + 8), 16);
      long be = Long.reverseBytes(v) >>> 32;
      words[w * 2] = (int) ((be >> 16) & 0xffff);
      words[w * 2 + 1] = (int) (be & 0xffff);
    }
    boolean mapped = words[0] == 0 && words[1] == 0 && words[2] == 0 && words[3] == 0
        && words[4] == 0 && words[5] == 0xffff;
    if (mapped) {
      return "::ffff:" + (words[6] >> 8) + "." + (words[6] & 0xff) + "." + (words[7] >> 8) + "."
          + (words[7] & 0xff);
    }
    boolean allZero = true;
    for (int i = 0; i < 7; i++) allZero &= words[i] == 0;
    if (allZero && words[7] == 0) return "::";
    if (allZero && words[7] == 1) return "::1";
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      if (i > 0) b.append(':');
      b.append(Integer.toHexString(words[i]));
    }
    return b.toString();
  }
}
