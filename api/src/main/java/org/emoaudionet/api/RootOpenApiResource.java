package org.emoaudionet.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code GET /openapi.json}: the same document where Airflow 3's API server has its own (its
 * FastAPI app keeps FastAPI's default openapi_url), so tools pointed at an Airflow find it here
 * too. Outside /api, hence public.
 */
@Path(RootOpenApiResource.PATH)
public class RootOpenApiResource {
  static final String PATH = "/openapi.json";

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public byte[] document() {
    return OpenApiResource.BODY;
  }
}
