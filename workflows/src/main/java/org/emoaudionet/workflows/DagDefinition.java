package org.emoaudionet.workflows;

import java.util.List;
import java.util.Map;

/**
 * One pipeline as Airflow would list it.
 *
 * @param defaultConf merged under a run's {@code conf}
 * @param participantLevel evaluate per recording too (DAIC-WOZ)
 */
public record DagDefinition(
    String dagId,
    String description,
    List<String> tags,
    Map<String, Object> defaultConf,
    boolean participantLevel) {

  /** Task ids, in order; every DAG has the same six. */
  public static final List<String> TASK_IDS =
      List.of("download", "preprocess", "augment", "train", "evaluate", "register");
}
