package org.emoaudionet.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.emoaudionet.api.CatalogModels.Pool;
import org.emoaudionet.api.CatalogModels.PoolCollection;

/** {@code /api/v2/pools}, read-only: default_pool and one pool per Temporal task queue (Pools). */
@Path("/api/v2/pools")
@Produces(MediaType.APPLICATION_JSON)
public class PoolResource {
  @Inject Pools pools;

  @GET
  public PoolCollection list(@QueryParam("limit") String limit,
      @QueryParam("offset") String offset, @QueryParam("order_by") List<String> orderBy,
      @QueryParam("pool_name_pattern") String pattern,
      @QueryParam("pool_name_prefix_pattern") String prefix) {
    LikePattern like = Params.pattern(pattern);
    List<Pool> all = pools.all();
    // Airflow's pool ids: default_pool is 1; the queues follow in the order listed
    Map<String, Comparator<Pool>> sorts = new LinkedHashMap<>();
    sorts.put("id", Comparator.comparingInt(all::indexOf));
    sorts.put("pool", Comparator.comparing(Pool::name));
    sorts.put("name", Comparator.comparing(Pool::name));
    Comparator<Pool> order = OrderBy.of(orderBy, sorts, "id");
    List<Pool> matched = all.stream()
        .filter(p -> OrderBy.like(like, p.name()) && OrderBy.prefix(prefix, p.name()))
        .sorted(order).toList();
    OrderBy.Page<Pool> page = OrderBy.page(matched, limit, offset);
    return new PoolCollection(page.items(), page.total());
  }

  @GET
  @Path("/{pool_name}")
  public Pool get(@PathParam("pool_name") String name) {
    return pools.all().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow(() ->
        ApiException.notFound("The Pool with name: `" + name + "` was not found"));
  }
}
