package org.emoaudionet.api;

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
import java.util.List;
import org.emoaudionet.api.CatalogModels.Variable;
import org.emoaudionet.api.CatalogModels.VariableCollection;

/**
 * {@code /api/v2/variables}: Airflow's variables ({@link VariableService}). Keys may contain
 * slashes ({@code {variable_key:path}} in Airflow).
 */
@Path("/api/v2/variables")
@Produces(MediaType.APPLICATION_JSON)
public class VariableResource {
  @Inject VariableService variables;
  @Inject ObjectMapper json;

  @GET
  public VariableCollection list(@QueryParam("limit") String limit,
      @QueryParam("offset") String offset, @QueryParam("order_by") List<String> orderBy,
      @QueryParam("variable_key_pattern") String pattern,
      @QueryParam("variable_key_prefix_pattern") String prefix) {
    return variables.list(pattern, prefix, orderBy, limit, offset);
  }

  @POST
  @Consumes(MediaType.WILDCARD)
  public Response create(String body) {
    Variable created = variables.create(VariableBody.parse(body, json));
    return Response.status(201).entity(created).type(MediaType.APPLICATION_JSON_TYPE).build();
  }

  @GET
  @Path("/{variable_key: .+}")
  public Variable get(@PathParam("variable_key") String key) {
    return variables.get(key);
  }

  @PATCH
  @Path("/{variable_key: .+}")
  @Consumes(MediaType.WILDCARD)
  public Variable patch(@PathParam("variable_key") String key,
      @QueryParam("update_mask") List<String> mask, String body) {
    return variables.patch(key, mask, VariableBody.parse(body, json));
  }

  @DELETE
  @Path("/{variable_key: .+}")
  public Response delete(@PathParam("variable_key") String key) {
    variables.delete(key);
    return Response.noContent().build();
  }
}
