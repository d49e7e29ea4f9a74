package org.emoaudionet.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.emoaudionet.api.CatalogModels.Variable;
import org.emoaudionet.api.CatalogModels.VariableCollection;

/**
 * {@code /api/v2/variables}: Airflow's variables, stored by VariableStore, shown masked
 * (SecretMask). Keys may contain slashes ({@code {variable_key:path}} in Airflow).
 */
@Path("/api/v2/variables")
@Produces(MediaType.APPLICATION_JSON)
public class VariableResource {
  private static final Set<String> BODY = Set.of("key", "value", "description", "team_name");

  @Inject VariableStore store;
  @Inject ObjectMapper json;

  @GET
  public VariableCollection list(@QueryParam("limit") String limit,
      @QueryParam("offset") String offset, @QueryParam("order_by") List<String> orderBy,
      @QueryParam("variable_key_pattern") String pattern,
      @QueryParam("variable_key_prefix_pattern") String prefix) {
    LikePattern like = Params.pattern(pattern);
    Map<String, Comparator<VariableStore.Stored>> sorts = new LinkedHashMap<>();
    sorts.put("key", Comparator.comparing(VariableStore.Stored::key));
    sorts.put("id", Comparator.comparingInt(VariableStore.Stored::id));
    sorts.put("_val", Comparator.comparing(v -> String.valueOf(v.value())));
    sorts.put("description", Comparator.comparing(v -> String.valueOf(v.description())));
    sorts.put("is_encrypted", Comparator.comparingInt(VariableStore.Stored::id));
    sorts.put("team_name", Comparator.comparingInt(VariableStore.Stored::id));
    Comparator<VariableStore.Stored> order = OrderBy.of(orderBy, sorts, "id");
    List<Variable> matched = store.all().stream()
        .filter(v -> OrderBy.like(like, v.key()) && OrderBy.prefix(prefix, v.key()))
        .sorted(order).map(VariableResource::view).toList();
    OrderBy.Page<Variable> page = OrderBy.page(matched, limit, offset);
    return new VariableCollection(page.items(), page.total());
  }

  @POST
  @Consumes(MediaType.WILDCARD)
  public Response create(String body) {
    Parsed p = parse(body);
    if (!store.create(p.key(), p.value(), p.description())) {
      throw ApiException.conflict("The Variable with key: `" + p.key() + "` already exists");
    }
    return Response.status(201).entity(view(store.get(p.key()).orElseThrow()))
        .type(MediaType.APPLICATION_JSON_TYPE).build();
  }

  @GET
  @Path("/{variable_key: .+}")
  public Variable get(@PathParam("variable_key") String key) {
    return view(require(key));
  }

  /** Airflow's patch: the body is a whole VariableBody; update_mask limits what changes. */
  @PATCH
  @Path("/{variable_key: .+}")
  @Consumes(MediaType.WILDCARD)
  public Variable patch(@PathParam("variable_key") String key,
      @QueryParam("update_mask") List<String> mask, String body) {
    Parsed p = parse(body);
    if (!p.key().equals(key)) {
      throw ApiException.badRequest("Invalid body, key from request body doesn't match uri parameter");
    }
    VariableStore.Stored old = require(key);
    boolean all = mask == null || mask.isEmpty();
    String value = all || mask.contains("value") ? p.value() : old.value();
    String description = (all && p.fields().contains("description"))
        || (!all && mask.contains("description")) ? p.description() : old.description();
    return view(store.update(new VariableStore.Stored(old.id(), key, value, description)));
  }

  @DELETE
  @Path("/{variable_key: .+}")
  public Response delete(@PathParam("variable_key") String key) {
    if (!store.delete(key)) throw notFound(key);
    return Response.noContent().build();
  }

  private VariableStore.Stored require(String key) {
    return store.get(key).orElseThrow(() -> notFound(key));
  }

  private static ApiException notFound(String key) {
    return ApiException.notFound("The Variable with key: `" + key + "` was not found");
  }

  private static Variable view(VariableStore.Stored v) {
    // stored in a mode-600 file, not encrypted with a Fernet key: is_encrypted says so
    return new Variable(v.description(), false, v.key(), null, SecretMask.variable(v.key(), v.value()));
  }

  private record Parsed(String key, String value, String description, Set<String> fields) {}

  /** Airflow's VariableBody: key (at most 250), value (any JSON), description, team_name. */
  private Parsed parse(String body) {
    JsonBody b = JsonBody.parse(body, json, BODY);
    b.require("value");
    String key = b.requiredString("key", QueryLimits.MAX_CHARS);
    String description = b.string("description");
    String team = b.string("team_name", 50);
    if (team != null) {
      b.error("value_error", "team_name", "Value error, team_name cannot be set when multi_team"
          + " mode is disabled. Please contact your administrator.", team);
    }
    b.done();
    JsonNode tree;
    try {
      tree = json.readTree(body);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e); // JsonBody parsed it already
    }
    JsonNode v = tree.get("value");
    String value = v.isNull() ? null : v.isTextual() ? v.asText() : v.toString();
    Set<String> fields = new java.util.HashSet<>();
    tree.fieldNames().forEachRemaining(fields::add);
    return new Parsed(key, value, description, fields);
  }
}
