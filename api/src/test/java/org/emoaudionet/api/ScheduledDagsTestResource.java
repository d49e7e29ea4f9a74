package org.emoaudionet.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** The test stack plus a DAG folder: one scheduled DAG and one created paused. */
public class ScheduledDagsTestResource extends TemporalTestResource {
  static final String YEARLY = "yearly_manifest";
  static final String PAUSED = "paused_manifest";

  @Override
  protected Map<String, String> extraConfig(Path home) throws IOException {
    Path dags = Files.createDirectories(home.resolve("dags"));
    // @yearly: the cron workflow exists (waiting for 1 January) but never fires during a test
    Files.writeString(dags.resolve("yearly.yaml"), """
        dag_id: yearly_manifest
        description: A manifest retrained every year
        tags: [manifest, scheduled]
        task: label
        layout: manifest
        dataset_uri: /synthetic/manifest
        default_conf: {epochs: 1, augment: false}
        schedule: "@yearly"
        """);
    Files.writeString(dags.resolve("paused.yaml"), """
        dag_id: paused_manifest
        task: label
        layout: manifest
        dataset_uri: /synthetic/manifest
        schedule: "30 6 * * 1-5"
        is_paused_upon_creation: true
        """);
    return Map.of("emo.dags.folder", dags.toString());
  }
}
