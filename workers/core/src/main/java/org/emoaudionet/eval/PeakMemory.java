package org.emoaudionet.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** This process's peak resident memory (Linux {@code VmHWM}), for evaluation tables. */
public final class PeakMemory {
  private PeakMemory() {}

  /** Peak RSS in bytes, or -1 where /proc is not there. */
  public static long bytes() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
        }
      }
    } catch (IOException | NumberFormatException e) {
      return -1;
    }
    return -1;
  }

  public static String describe() {
    long b = bytes();
    return b < 0 ? "n/a" : String.format(Locale.ROOT, "%.2f GB", b / 1e9);
  }
}
