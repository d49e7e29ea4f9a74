package org.emoaudionet.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.emoaudionet.api.CatalogModels.DagSource;
import org.emoaudionet.workflows.dag.DagDefinition;

/**
 * {@code /api/v2/dagSources/{dag_id}}: the DAG file's text (the loaded version, or any earlier one
 * DagVersions recorded), as JSON or, for {@code Accept: text/plain}, the text itself.
 */
@Path("/api/v2/dagSources")
public class DagSourceResource {
  @Inject DagViews views;
  @Inject DagVersions versions;

  @GET
  @Path("/{dag_id}")
  public Response get(@PathParam("dag_id") String dagId,
      @QueryParam("version_number") String versionNumber, @HeaderParam("Accept") String accept) {
    boolean text = AcceptJsonOrText.text(accept);
    Integer n = versionNumber == null || versionNumber.isEmpty() ? null
        : Params.nonNegative("version_number", versionNumber, 0);
    DagDefinition d = views.require(dagId);
    DagVersions.Entry e = n == null ? versions.history(d).get(versions.history(d).size() - 1)
        : versions.entry(d, n).orElseThrow(() -> ApiException.notFound("The source code of the DAG "
            + dagId + ", version_number " + n + " was not found"));
    if (text) return Response.ok(e.content(), MediaType.TEXT_PLAIN_TYPE.withCharset("utf-8")).build();
    return Response.ok(new DagSource(e.content(), d.dagId(), d.dagId(), e.versionNumber()),
        MediaType.APPLICATION_JSON_TYPE).build();
  }
}
