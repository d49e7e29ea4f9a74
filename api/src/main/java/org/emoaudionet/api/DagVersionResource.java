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
import org.emoaudionet.api.AirflowModels.DagVersion;
import org.emoaudionet.api.CatalogModels.DagVersionCollection;
import org.emoaudionet.workflows.dag.DagCatalog;
import org.emoaudionet.workflows.dag.DagDefinition;

/** {@code /api/v2/dags/{dag_id}/dagVersions}: one version per distinct content of the DAG file. */
@Path("/api/v2/dags/{dag_id}/dagVersions")
@Produces(MediaType.APPLICATION_JSON)
public class DagVersionResource {
  @Inject DagCatalog catalog;
  @Inject DagViews views;
  @Inject DagVersions versions;

  /** {@code ~} as dag_id lists the versions of every DAG, as Airflow allows. */
  @GET
  public DagVersionCollection list(@PathParam("dag_id") String dagId,
      @QueryParam("limit") String limit, @QueryParam("offset") String offset,
      @QueryParam("version_number") String versionNumber,
      @QueryParam("bundle_name") String bundleName,
      @QueryParam("bundle_version") String bundleVersion,
      @QueryParam("order_by") List<String> orderBy) {
    Integer number = versionNumber == null || versionNumber.isEmpty() ? null
        : Params.nonNegative("version_number", versionNumber, 0);
    List<DagDefinition> dags = "~".equals(dagId) ? catalog.list() : List.of(views.require(dagId));
    Map<String, Comparator<DagVersion>> sorts = new LinkedHashMap<>();
    sorts.put("id", Comparator.comparing((DagVersion v) -> v.dagId())
        .thenComparingInt(DagVersion::versionNumber));
    sorts.put("version_number", Comparator.comparingInt(DagVersion::versionNumber));
    sorts.put("bundle_name", Comparator.comparing(DagVersion::bundleName));
    sorts.put("bundle_version", Comparator.comparing(v -> String.valueOf(v.bundleVersion())));
    sorts.put("created_at", Comparator.comparing(DagVersion::createdAt));
    Comparator<DagVersion> order = OrderBy.of(orderBy, sorts, "id");
    List<DagVersion> matched = dags.stream().flatMap(d -> versions.all(d).stream())
        .filter(v -> number == null || v.versionNumber() == number)
        .filter(v -> bundleName == null || bundleName.equals(v.bundleName()))
        // no bundle has versions here: a bundle_version filter matches nothing
        .filter(v -> bundleVersion == null)
        .sorted(order).toList();
    OrderBy.Page<DagVersion> page = OrderBy.page(matched, limit, offset);
    return new DagVersionCollection(page.items(), page.total());
  }

  @GET
  @Path("/{version_number}")
  public DagVersion get(@PathParam("dag_id") String dagId,
      @PathParam("version_number") String versionNumber) {
    Integer parsed = PathInts.parse("version_number", versionNumber);
    DagDefinition d = views.require(dagId);
    int n = parsed == null ? -1 : parsed; // too large: no such version
    return versions.entry(d, n).map(e -> versions.view(d, e)).orElseThrow(() ->
        ApiException.notFound("The DagVersion with dag_id: `" + dagId + "` and version_number: `"
            + versionNumber + "` was not found"));
  }
}
