package org.emoaudionet.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The test stack plus a DAG folder with two DAGs consuming one S3 prefix (one asset), a third on
 * its own prefix, and two broken files (import errors) that must not stop the API.
 */
public class CatalogDagsTestResource extends TemporalTestResource {
  static final String SHARED_PREFIX = "s3://emo/incoming/catalog-shared/";
  static final String SOLO_PREFIX = "s3://emo/incoming/catalog-solo/";
  static final String DROPS_A = """
      dag_id: drops_a
      description: Retrained when new recordings land
      tags: [drops]
      task: label
      layout: manifest
      data_trigger: {prefix: s3://emo/incoming/catalog-shared/, poll_interval: 1h}
      """;

  @Override
  protected Map<String, String> extraConfig(Path home) throws IOException {
    Path dags = Files.createDirectories(home.resolve("dags"));
    Files.writeString(dags.resolve("drops_a.yaml"), DROPS_A);
    Files.writeString(dags.resolve("drops_b.yaml"), DROPS_A.replace("drops_a", "drops_b"));
    Files.writeString(dags.resolve("solo.yaml"), DROPS_A.replace("drops_a", "solo_drops")
        .replace(SHARED_PREFIX, SOLO_PREFIX));
    // an unknown key, and a file that is not YAML at all
    Files.writeString(dags.resolve("broken.yaml"), DROPS_A.replace("drops_a", "broken")
        .replace("tags:", "shedule: daily\ntags:"));
    Files.writeString(dags.resolve("garbage.json"), "{\"dag_id\": [unclosed");
    return Map.of("emo.dags.folder", dags.toString());
  }
}
