package org.emoaudionet.spec;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How a data set is laid out on disk, each with the tasks its labels support. The one list of
 * layouts: the API validates {@code conf.layout} / {@code conf.task} against it, the core picks
 * its reader by it ({@code CorpusLoader}), {@code ./emo train --dataset LAYOUT:PATH} parses it.
 * Adding a layout is a constant here plus its reader in the core.
 */
public enum Layout {
  /** LibriSpeech folders and SPEAKERS.TXT: speaker gender (the paper's pretraining task). */
  LIBRISPEECH("librispeech", false, "gender"),
  /** RECOLA's recordings and gold-standard ratings: arousal and valence, binned. */
  RECOLA("recola", false, "arousal", "valence"),
  /** DAIC-WOZ interviews: PHQ-8 binary (depressed or not) and the PHQ-8 score. */
  DAIC_WOZ("daic-woz", false, "phq8_binary", "phq8_score"),
  /** A CSV of {@code path,label[,speaker,gender,split,...]} rows: any corpus; its label, or speaker gender where it has a gender column. */
  MANIFEST("manifest", true, "label", "gender");

  private final String wireName;
  private final boolean namesFile;
  private final List<String> tasks;

  Layout(String wireName, boolean namesFile, String... tasks) {
    this.wireName = wireName;
    this.namesFile = namesFile;
    this.tasks = List.of(tasks);
  }

  /** The name in conf, DAG files, dataset URIs and MLflow ({@code daic-woz}, ...). */
  public String wireName() {
    return wireName;
  }

  /** The tasks this layout's labels support, the first being its default. */
  public List<String> tasks() {
    return tasks;
  }

  /**
   * Why {@code task} is not one of this layout's tasks, or null when it is: the one sentence the
   * API's conf validation and the core's corpus loading both say.
   */
  public String taskProblem(String task) {
    return task != null && tasks.contains(task) ? null
        : "Unknown task '" + task + "' for layout '" + wireName + "'; expected one of " + tasks;
  }

  /** Whether a data set of this layout is one file (a manifest CSV) rather than a folder. */
  public boolean namesFile() {
    return namesFile;
  }

  /** The wire names of all layouts, in declaration order (for error messages and docs). */
  public static List<String> wireNames() {
    return Arrays.stream(values()).map(Layout::wireName).toList();
  }

  /** @throws IllegalArgumentException an unknown layout, naming the known ones */
  public static Layout parse(String name) {
    String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
    for (Layout l : values()) if (l.wireName.equals(n)) return l;
    throw new IllegalArgumentException("unknown layout '" + name + "' (expected one of " + wireNames() + ")");
  }
}
