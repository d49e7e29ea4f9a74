package org.emoaudionet.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.emoaudionet.api.CatalogModels.Asset;
import org.emoaudionet.api.CatalogModels.AssetCollection;
import org.emoaudionet.api.CatalogModels.AssetEvent;
import org.emoaudionet.api.CatalogModels.AssetEventCollection;

/**
 * The data triggers' S3 prefixes as Airflow assets and their events, filtered, ordered and
 * paged as Airflow does; an announced event starts the runs of the DAGs that consume it.
 */
@ApplicationScoped
public class AssetService {
  @Inject AssetCatalog catalog;
  @Inject AssetEvents events;
  @Inject AssetViews views;

  AssetCollection list(AssetQuery q) {
    Map<String, Comparator<Asset>> sorts = new LinkedHashMap<>();
    sorts.put("id", Comparator.comparingInt(Asset::id));
    sorts.put("name", Comparator.comparing(Asset::name));
    sorts.put("uri", Comparator.comparing(Asset::uri));
    sorts.put("created_at", Comparator.comparing(Asset::createdAt));
    sorts.put("updated_at", Comparator.comparing(Asset::updatedAt));
    Comparator<Asset> order = OrderBy.of(q.orderBy(), sorts, "id");
    List<AssetEvent> all = events.all();
    List<String> dagIds = q.dagIds();
    List<Asset> matched = catalog.all().stream()
        .filter(a -> OrderBy.like(q.name(), a.uri()) && OrderBy.prefix(q.namePrefix(), a.uri()))
        .filter(a -> OrderBy.like(q.uri(), a.uri()) && OrderBy.prefix(q.uriPrefix(), a.uri()))
        .filter(a -> dagIds == null || dagIds.isEmpty()
            || a.consumers().stream().anyMatch(d -> dagIds.contains(d.dagId())))
        .map(a -> views.asset(a, all)).sorted(order).toList();
    OrderBy.Page<Asset> page = OrderBy.page(matched, q.limit(), q.offset());
    return new AssetCollection(page.items(), page.total());
  }

  /** @param assetId the path's {@code asset_id} as sent: not an integer is no such asset */
  Asset get(String assetId) {
    Integer id = PathInts.parse("asset_id", assetId);
    if (id == null) throw ApiException.notFound("The Asset with ID: `" + assetId + "` was not found");
    return views.asset(catalog.require(id), events.all());
  }

  AssetEventCollection events(AssetEventQuery q) {
    Map<String, Comparator<AssetEvent>> sorts = new LinkedHashMap<>();
    // every event here has null source fields: those orders keep the timestamp order
    Comparator<AssetEvent> byTime = Comparator.comparing(AssetEvent::timestamp)
        .thenComparingInt(AssetEvent::id);
    sorts.put("source_task_id", byTime);
    sorts.put("source_dag_id", byTime);
    sorts.put("source_run_id", byTime);
    sorts.put("source_map_index", byTime);
    sorts.put("timestamp", byTime);
    sorts.put("id", Comparator.comparingInt(AssetEvent::id));
    Comparator<AssetEvent> order = OrderBy.of(q.orderBy(), sorts, "timestamp");
    List<AssetEvent> matched = events.all().stream()
        .filter(e -> q.assetId() == null || e.assetId() == q.assetId())
        .filter(e -> q.sourceDagId() == null && q.sourceTaskId() == null
            && q.sourceRunId() == null)
        .filter(e -> q.sourceMapIndex() == null || e.sourceMapIndex() == q.sourceMapIndex())
        .filter(e -> OrderBy.like(q.name(), e.name()) && OrderBy.prefix(q.namePrefix(), e.name()))
        .filter(e -> q.since() == null || !e.timestamp().isBefore(q.since()))
        .filter(e -> q.after() == null || e.timestamp().isAfter(q.after()))
        .filter(e -> q.until() == null || !e.timestamp().isAfter(q.until()))
        .filter(e -> q.before() == null || e.timestamp().isBefore(q.before()))
        .sorted(order).toList();
    OrderBy.Page<AssetEvent> page = OrderBy.page(matched, q.limit(), q.offset());
    return new AssetEventCollection(page.items(), page.total());
  }

  /**
   * Announces new data of an asset: starts the run of every DAG consuming it, once per
   * announcement ({@link AssetEvents} says what makes two requests one).
   */
  AssetEvent announce(AssetEventBody b, String user) {
    AssetCatalog.Info asset = catalog.get(b.assetId()).orElseThrow(() ->
        ApiException.notFound("Asset with ID: `" + b.assetId() + "` was not found"));
    b.checkIdempotencyKey();
    return events.announce(asset, b.extra(), b.partitionKey(), b.idempotencyKey(), user);
  }
}
