package org.emoaudionet.pipeline;

import java.io.IOException;
import org.emoaudionet.data.Corpus;

/** Reads a data set in its own layout for one task. */
public final class CorpusLoader {
  private CorpusLoader() {}

  /**
   * @param task {@code gender} (LibriSpeech), {@code arousal}/{@code valence} (RECOLA),
   *     {@code phq8_binary}/{@code phq8_score} (DAIC-WOZ), {@code label} (manifest; also
   *     {@code gender} when the manifest has a gender column)
   */
  public static Corpus load(DatasetUri uri, String task) throws IOException {
    throw new UnsupportedOperationException("TODO: implemented by the data readers work");
  }
}
