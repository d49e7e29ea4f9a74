package org.emoaudionet.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.emoaudionet.api.CatalogModels.Asset;
import org.emoaudionet.api.CatalogModels.AssetEvent;
import org.emoaudionet.api.CatalogModels.AssetWatcher;
import org.emoaudionet.api.CatalogModels.DagScheduleAssetReference;
import org.emoaudionet.api.CatalogModels.LastAssetEvent;
import org.emoaudionet.workflows.schedule.DataTriggerWorkflow;

/** An asset as Airflow's AssetResponse: its consuming DAGs, its watchers and its last event. */
@ApplicationScoped
public class AssetViews {
  @Inject AssetCatalog catalog;

  public Asset asset(AssetCatalog.Info a, List<AssetEvent> events) {
    List<DagScheduleAssetReference> dags = a.consumers().stream().map(d ->
        new DagScheduleAssetReference(catalog.loadedAt(), d.dagId(), catalog.loadedAt())).toList();
    // the watcher of each consuming DAG is a Temporal workflow, not an Airflow trigger
    List<Object> watchers = a.consumers().stream().map(d -> {
      String id = DataTriggerWorkflow.workflowId(d.dagId());
      return (Object) new AssetWatcher(catalog.loadedAt(), id, catalog.triggerId(id));
    }).toList();
    AssetEvent last = events.stream().filter(e -> e.assetId() == a.id())
        .max(Comparator.comparing(AssetEvent::timestamp).thenComparingInt(AssetEvent::id))
        .orElse(null);
    LastAssetEvent lastEvent = last == null ? new LastAssetEvent(null, null)
        : new LastAssetEvent(last.id(), last.timestamp());
    return new Asset(List.of(), List.of(), catalog.loadedAt(), Map.of(), AssetCatalog.GROUP, a.id(),
        lastEvent, a.uri(), List.of(), dags, catalog.loadedAt(), a.uri(), watchers);
  }
}
