package org.emoaudionet.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.emoaudionet.workflows.dag.DagCatalog;
import org.emoaudionet.workflows.dag.DagDefinition;

/**
 * Airflow's assets, one per distinct {@code data_trigger.prefix} of the DAG files: a data trigger
 * is an asset its DAG is scheduled on, watched by a Temporal workflow instead of a triggerer.
 * The asset's name and URI are the prefix; DAGs sharing a prefix share the asset. Integer ids
 * come from StableIds (first sight order, never reused), so a prefix keeps its id when DAG files
 * come and go.
 */
@ApplicationScoped
public class AssetCatalog {
  static final String GROUP = "asset";

  @Inject DagCatalog catalog;
  @Inject ApiSettings settings;
  private final Instant loadedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
  private final Map<String, StableIds> ids = new java.util.HashMap<>();

  /** One asset and the DAGs that consume it (in DAG-file order). */
  public record Info(int id, String uri, List<DagDefinition> consumers) {}

  public List<Info> all() {
    Map<String, List<DagDefinition>> byPrefix = new LinkedHashMap<>();
    for (DagDefinition d : catalog.list()) {
      if (d.dataTrigger() != null) {
        byPrefix.computeIfAbsent(d.dataTrigger().prefix(), k -> new ArrayList<>()).add(d);
      }
    }
    List<Info> out = new ArrayList<>();
    byPrefix.forEach((uri, dags) -> out.add(new Info(id(uri), uri, List.copyOf(dags))));
    return out;
  }

  public Optional<Info> get(int id) {
    return all().stream().filter(a -> a.id() == id).findFirst();
  }

  public Info require(int id) {
    return get(id).orElseThrow(() ->
        ApiException.notFound("The Asset with ID: `" + id + "` was not found"));
  }

  /** The id of the asset with this URI (also one no DAG names any more: events keep theirs). */
  public int id(String uri) {
    return ids("asset-ids.json").of(uri);
  }

  /** The id of the asset event with this key (AssetEvents). */
  public int eventId(String key) {
    return ids("asset-event-ids.json").of(key);
  }

  /** Airflow's trigger id of a watcher (here: the Temporal workflow watching the prefix). */
  public int triggerId(String workflowId) {
    return ids("trigger-ids.json").of(workflowId);
  }

  /** When this process loaded the DAG files that define the assets. */
  public Instant loadedAt() {
    return loadedAt;
  }

  private synchronized StableIds ids(String file) {
    return ids.computeIfAbsent(file, f -> new StableIds(settings.apiStateDir().resolve(f)));
  }
}
