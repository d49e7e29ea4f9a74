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
import java.util.List;
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
  @Inject AssetService assets;
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
    return assets.list(AssetQuery.parse(limit, offset, namePattern, namePrefix, uriPattern,
        uriPrefix, dagIds, onlyActive, orderBy));
  }

  @GET
  @Path("/{asset_id}")
  public Asset get(@PathParam("asset_id") String assetId) {
    return assets.get(assetId);
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
    return assets.events(AssetEventQuery.parse(limit, offset, orderBy, assetId, sourceDagId,
        sourceTaskId, sourceRunId, sourceMapIndex, namePattern, namePrefix, gte, gt, lte, lt));
  }

  /** Announces new data of an asset (Airflow's CreateAssetEventsBody). */
  @POST
  @Path("/events")
  @Consumes(MediaType.WILDCARD)
  public AssetEvent announce(@HeaderParam("Idempotency-Key") String idempotencyKey,
      @HeaderParam("User-Agent") String userAgent, String body) {
    AssetEventBody event = AssetEventBody.parse(body, idempotencyKey, json);
    return AirflowCtlDialect.forAgent(assets.announce(event, currentUser.name()), userAgent);
  }
}
