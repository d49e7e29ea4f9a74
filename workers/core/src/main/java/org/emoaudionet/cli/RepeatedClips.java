package org.emoaudionet.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.emoaudionet.audio.AudioReader;

/**
 * A long SYNTHETIC corpus for the scale benchmark, made by repeating a manifest's clips under new
 * names ({@code rep-K/...}, hard links where the file system allows) until it holds the asked
 * number of seconds: preparation cost grows with audio, not with variety.
 */
final class RepeatedClips {
  private RepeatedClips() {}

  /** The written manifest and the seconds of audio it lists. */
  record Written(Path manifest, double seconds) {}

  /** Writes {@code out/manifest.csv} over repeated copies of {@code manifest}'s clips. */
  static Written write(Path manifest, Path out, double seconds) throws IOException {
    List<String> lines = Files.readAllLines(manifest);
    String header = lines.get(0);
    List<String> rows = lines.subList(1, lines.size());
    double perPass = 0;
    for (String row : rows) {
      perPass += AudioReader.read(manifest.getParent().resolve(row.split(",", 2)[0])).durationSeconds();
    }
    int passes = (int) Math.ceil(seconds / perPass);
    List<String> outRows = new ArrayList<>(List.of(header));
    for (int k = 0; k < passes; k++) {
      for (String row : rows) {
        String[] parts = row.split(",", 2);
        Path src = manifest.getParent().resolve(parts[0]);
        String rel = "rep-" + k + "/" + parts[0];
        Path dst = out.resolve(rel);
        Files.createDirectories(dst.getParent());
        if (!Files.exists(dst)) {
          try {
            Files.createLink(dst, src.toAbsolutePath());
          } catch (IOException | UnsupportedOperationException e) {
            Files.copy(src, dst);
          }
        }
        // the speaker column repeats too: a repeated clip is the same voice
        outRows.add(rel + "," + parts[1]);
      }
    }
    Path m = out.resolve("manifest.csv");
    Files.write(m, outRows);
    return new Written(m, passes * perPass);
  }
}
