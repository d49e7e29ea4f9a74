package org.emoaudionet.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.emoaudionet.api.CatalogModels.Asset;
import org.emoaudionet.api.CatalogModels.AssetCollection;
import org.emoaudionet.api.CatalogModels.AssetEvent;
import org.emoaudionet.api.CatalogModels.AssetEventCollection;

/**
 * {@code /api/v2/assets}: the data triggers' S3 prefixes as Airflow assets, their events (new data
 * a watcher saw, or announced with {@code POST /assets/events}) and the runs those started.
 */
@Path("/api/v2/assets")
@Produces(MediaType.APPLICATION_JSON)
public class AssetResource {
  private static final Set<String> EVENT_BODY =
      Set.of("asset_id", "extra", "partition_key", "access_control");

  @Inject AssetCatalog catalog;
  @Inject AssetEvents events;
  @Inject AssetViews views;
  @Inject ObjectMapper json;
  @Inject CurrentUser currentUser;

  @GET
  public AssetCollection list(@QueryParam("limit") String limit,
      @QueryParam("offset") String offset, @QueryParam("name_pattern") String namePattern,
      @QueryParam("name_prefix_pattern") String namePrefix,
      @QueryParam("uri_pattern") String uriPattern,
      @QueryParam("uri_prefix_pattern") String uriPrefix,
      @QueryParam("dag_ids") List<String> dagIds, @QueryParam("only_active") String onlyActive,
      @QueryParam("order_by") List<String> orderBy) {
    Params.bool("only_active", onlyActive); // every asset here is active: checked, not filtering
    LikePattern name = Params.pattern(namePattern);
    LikePattern uri = Params.pattern(uriPattern);
    Map<String, Comparator<Asset>> sorts = new LinkedHashMap<>();
    sorts.put("id", Comparator.comparingInt(Asset::id));
    sorts.put("name", Comparator.comparing(Asset::name));
    sorts.put("uri", Comparator.comparing(Asset::uri));
    sorts.put("created_at", Comparator.comparing(Asset::createdAt));
    sorts.put("updated_at", Comparator.comparing(Asset::updatedAt));
    Comparator<Asset> order = OrderBy.of(orderBy, sorts, "id");
    List<AssetEvent> all = events.all();
    List<Asset> matched = catalog.all().stream()
        .filter(a -> OrderBy.like(name, a.uri()) && OrderBy.prefix(namePrefix, a.uri()))
        .filter(a -> OrderBy.like(uri, a.uri()) && OrderBy.prefix(uriPrefix, a.uri()))
        .filter(a -> dagIds == null || dagIds.isEmpty()
            || a.consumers().stream().anyMatch(d -> dagIds.contains(d.dagId())))
        .map(a -> views.asset(a, all)).sorted(order).toList();
    OrderBy.Page<Asset> page = OrderBy.page(matched, limit, offset);
    return new AssetCollection(page.items(), page.total());
  }

  @GET
  @Path("/{asset_id}")
  public Asset get(@PathParam("asset_id") String assetId) {
    Integer id = PathInts.parse("asset_id", assetId);
    if (id == null) throw ApiException.notFound("The Asset with ID: `" + assetId + "` was not found");
    return views.asset(catalog.require(id), events.all());
  }

  @GET
  @Path("/events")
  public AssetEventCollection events(@QueryParam("limit") String limit,
      @QueryParam("offset") String offset, @QueryParam("order_by") List<String> orderBy,
      @QueryParam("asset_id") String assetId, @QueryParam("source_dag_id") String sourceDagId,
      @QueryParam("source_task_id") String sourceTaskId,
      @QueryParam("source_run_id") String sourceRunId,
      @QueryParam("source_map_index") String sourceMapIndex,
      @QueryParam("name_pattern") String namePattern,
      @QueryParam("name_prefix_pattern") String namePrefix,
      @QueryParam("timestamp_gte") String gte, @QueryParam("timestamp_gt") String gt,
      @QueryParam("timestamp_lte") String lte, @QueryParam("timestamp_lt") String lt) {
    Long asset = assetId == null || assetId.isEmpty() ? null : queryInt("asset_id", assetId);
    Long mapIndex = sourceMapIndex == null || sourceMapIndex.isEmpty() ? null
        : queryInt("source_map_index", sourceMapIndex);
    LikePattern name = Params.pattern(namePattern);
    Instant since = time("timestamp_gte", gte);
    Instant after = time("timestamp_gt", gt);
    Instant until = time("timestamp_lte", lte);
    Instant before = time("timestamp_lt", lt);
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
    Comparator<AssetEvent> order = OrderBy.of(orderBy, sorts, "timestamp");
    List<AssetEvent> matched = events.all().stream()
        .filter(e -> asset == null || e.assetId() == asset)
        .filter(e -> sourceDagId == null && sourceTaskId == null && sourceRunId == null)
        .filter(e -> mapIndex == null || e.sourceMapIndex() == mapIndex)
        .filter(e -> OrderBy.like(name, e.name()) && OrderBy.prefix(namePrefix, e.name()))
        .filter(e -> since == null || !e.timestamp().isBefore(since))
        .filter(e -> after == null || e.timestamp().isAfter(after))
        .filter(e -> until == null || !e.timestamp().isAfter(until))
        .filter(e -> before == null || e.timestamp().isBefore(before))
        .sorted(order).toList();
    OrderBy.Page<AssetEvent> page = OrderBy.page(matched, limit, offset);
    return new AssetEventCollection(page.items(), page.total());
  }

  /**
   * Announces new data of an asset (Airflow's CreateAssetEventsBody): starts the run of every DAG
   * consuming it, once per announcement (AssetEvents says what makes two requests one).
   */
  @POST
  @Path("/events")
  @Consumes(MediaType.WILDCARD)
  public AssetEvent announce(@HeaderParam("Idempotency-Key") String idempotencyKey,
      @HeaderParam("User-Agent") String userAgent, String body) {
    JsonBody b = JsonBody.parse(body, json, EVENT_BODY);
    Integer assetId = b.requiredInt("asset_id");
    Map<String, Object> extra = b.object("extra");
    String partitionKey = b.string("partition_key", 250);
    if (partitionKey != null && partitionKey.isBlank()) {
      b.error("string_pattern_mismatch", "partition_key", "String should match pattern '\\S'",
          partitionKey);
    }
    b.object("access_control"); // no teams here: a well-formed one changes nothing
    b.done();
    AssetCatalog.Info asset = catalog.get(assetId).orElseThrow(() ->
        ApiException.notFound("Asset with ID: `" + assetId + "` was not found"));
    if (idempotencyKey != null && idempotencyKey.length() > 250) {
      throw ApiException.invalid("string_too_long", List.of("header", "Idempotency-Key"),
          "String should have at most 250 characters", idempotencyKey);
    }
    return AirflowCtlDialect.forAgent(events.announce(asset, extra == null ? Map.of() : extra,
        partitionKey, idempotencyKey, currentUser.name()), userAgent);
  }


  /** An integer query value of any size (Python's int); one past long's range matches nothing. */
  private static long queryInt(String name, String raw) {
    try {
      java.math.BigInteger v = new java.math.BigInteger(raw.strip());
      return v.bitLength() < 64 ? v.longValue() : Long.MIN_VALUE;
    } catch (NumberFormatException e) {
      throw ApiException.invalid("int_parsing", List.of("query", name),
          "Input should be a valid integer, unable to parse string as an integer", raw);
    }
  }

  private static Instant time(String name, String raw) {
    return raw == null || raw.isEmpty() ? null : Params.time(List.of("query", name), raw);
  }
}
