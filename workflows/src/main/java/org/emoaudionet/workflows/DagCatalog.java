package org.emoaudionet.workflows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The bundled DAGs of SPEC.md. */
public final class DagCatalog {
  private DagCatalog() {}

  private static final Map<String, DagDefinition> DAGS = new LinkedHashMap<>();

  static {
    add("librispeech_gender_pretrain", "Speaker gender on LibriSpeech, the pretraining task",
        List.of("librispeech", "pretrain"), "librispeech", "gender", false);
    add("recola_arousal", "Arousal (10 bins of [-1, 1]) on RECOLA", List.of("recola", "emotion"),
        "recola", "arousal", false);
    add("recola_valence", "Valence (10 bins of [-1, 1]) on RECOLA", List.of("recola", "emotion"),
        "recola", "valence", false);
    add("daic_woz_phq8_binary", "Depression (PHQ-8 >= 10) on DAIC-WOZ",
        List.of("daic-woz", "depression"), "daic-woz", "phq8_binary", true);
    add("daic_woz_phq8_score", "PHQ-8 score 0..24 on DAIC-WOZ", List.of("daic-woz", "depression"),
        "daic-woz", "phq8_score", true);
    add("audio_manifest_classification", "Any labelled audio listed in a CSV manifest",
        List.of("manifest"), "manifest", "label", false);
  }

  private static void add(String id, String description, List<String> tags, String layout,
      String task, boolean participantLevel) {
    Map<String, Object> conf = new LinkedHashMap<>();
    conf.put("layout", layout);
    conf.put("task", task);
    conf.put("preset", "small");
    conf.put("split", "speaker");
    conf.put("augment", true);
    conf.put("arch", "emoaudionet");
    DAGS.put(id, new DagDefinition(id, description, tags, Map.copyOf(conf), participantLevel));
  }

  public static List<DagDefinition> all() {
    List<DagDefinition> all = new java.util.ArrayList<>(DAGS.values());
    all.addAll(Extra.DAGS); // INTERIM (triggers): the schedules branch's loader replaces this
    return List.copyOf(all);
  }

  public static Optional<DagDefinition> find(String dagId) {
    return Optional.ofNullable(DAGS.get(dagId))
        .or(() -> Extra.DAGS.stream().filter(d -> d.dagId().equals(dagId)).findFirst());
  }

  /** INTERIM (triggers): DAG files of EMO_DAGS_FOLDER, read on first use. */
  private static final class Extra {
    static final List<DagDefinition> DAGS = InterimDagFolder.load();
  }
}
