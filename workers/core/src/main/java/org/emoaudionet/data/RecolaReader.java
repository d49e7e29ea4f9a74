package org.emoaudionet.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.emoaudionet.spec.Layout;

/**
 * Reads RECOLA in the AVEC 2016 layout: {@code recordings_audio/*.wav} and
 * {@code ratings_gold_standard/{arousal,valence}/<stem>.arff}. Each recording is one speaker. The
 * AVEC train/dev partition is not imposed (split null): the paper split segments itself, and the
 * split protocol decides.
 */
public final class RecolaReader {
  public static final List<String> TASKS = Layout.RECOLA.tasks();

  private RecolaReader() {}

  /**
   * The task: gold standard in [-1, 1], binned into 10 equal bins (our choice, SPEC.md
   * "Preprocessing").
   */
  public static TaskSpec task(String name) {
    return TaskSpec.binned(name, -1, 1, 10);
  }

  public static Corpus read(Path root, String task) throws IOException {
    if (!TASKS.contains(task)) {
      throw new IllegalArgumentException("RECOLA task '" + task + "' unknown (expected arousal or valence)");
    }
    Path audioDir = root.resolve("recordings_audio");
    Path ratingDir = root.resolve("ratings_gold_standard").resolve(task);
    if (!Files.isDirectory(audioDir)) {
      throw new DataFormatException(audioDir, "RECOLA audio folder recordings_audio/ is missing");
    }
    if (!Files.isDirectory(ratingDir)) {
      throw new DataFormatException(ratingDir, "RECOLA gold-standard folder is missing");
    }
    List<Path> wavs;
    try (Stream<Path> s = Files.list(audioDir)) {
      wavs = s.filter(p -> p.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".wav"))
          .sorted().toList();
    }
    if (wavs.isEmpty()) throw new DataFormatException(audioDir, "no .wav recordings");
    List<Recording> out = new ArrayList<>();
    for (Path wav : wavs) {
      String stem = wav.getFileName().toString().replaceFirst("(?i)\\.wav$", "");
      Path arff = ratingDir.resolve(stem + ".arff");
      if (!Files.isRegularFile(arff)) {
        throw new DataFormatException(wav, "no " + task + " gold standard: expected " + arff);
      }
      out.add(new Recording(stem, wav, stem, null, null, GoldStandardArff.read(arff), List.of()));
    }
    return new Corpus("recola", task(task), out);
  }
}
