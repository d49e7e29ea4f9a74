package org.emoaudionet.data;

import java.util.List;

/** The recordings of a data set read for one task. */
public record Corpus(String name, TaskSpec task, List<Recording> recordings) {
  public Corpus {
    recordings = List.copyOf(recordings);
  }
}
