package org.emoaudionet.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.emoaudionet.data.Corpus;
import org.emoaudionet.data.DaicWozReader;
import org.emoaudionet.data.LibriSpeechReader;
import org.emoaudionet.data.ManifestReader;
import org.emoaudionet.data.RecolaReader;

/** Reads a data set in its own layout for one task. */
public final class CorpusLoader {
  private CorpusLoader() {}

  /**
   * @param task {@code gender} (LibriSpeech), {@code arousal}/{@code valence} (RECOLA),
   *     {@code phq8_binary}/{@code phq8_score} (DAIC-WOZ), {@code label} (manifest; also
   *     {@code gender} when the manifest has a gender column)
   */
  public static Corpus load(DatasetUri uri, String task) throws IOException {
    return load(uri, task, LibriSpeechReader.Options.unlimited());
  }

  /** As {@link #load(DatasetUri, String)}, with a LibriSpeech subset (e.g. the paper's 20 + 20 speakers). */
  public static Corpus load(DatasetUri uri, String task, LibriSpeechReader.Options librispeech)
      throws IOException {
    String taskProblem = uri.layout().taskProblem(task);
    if (taskProblem != null) {
      throw new IllegalArgumentException("data set " + uri + ": " + taskProblem);
    }
    boolean isFile = uri.layout().namesFile();
    if (isFile ? !Files.isRegularFile(uri.path()) : !Files.isDirectory(uri.path())) {
      throw new IllegalArgumentException("data set " + uri + ": " + (isFile ? "file " : "folder ")
          + uri.path() + " does not exist");
    }
    return switch (uri.layout()) {
      case LIBRISPEECH -> LibriSpeechReader.read(uri.path(), librispeech);
      case RECOLA -> RecolaReader.read(uri.path(), task);
      case DAIC_WOZ -> DaicWozReader.read(uri.path(), task);
      case MANIFEST -> ManifestReader.read(uri.path(), task);
    };
  }
}
