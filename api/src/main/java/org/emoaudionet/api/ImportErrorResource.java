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
import org.emoaudionet.api.CatalogModels.ImportError;
import org.emoaudionet.api.CatalogModels.ImportErrorCollection;

/** {@code /api/v2/importErrors}: DAG files of the folder that were left out, with why. */
@Path("/api/v2/importErrors")
@Produces(MediaType.APPLICATION_JSON)
public class ImportErrorResource {
  @Inject ImportErrors errors;

  @GET
  public ImportErrorCollection list(@QueryParam("limit") String limit,
      @QueryParam("offset") String offset, @QueryParam("order_by") List<String> orderBy,
      @QueryParam("filename_pattern") String filenamePattern,
      @QueryParam("filename_prefix_pattern") String filenamePrefix,
      @QueryParam("filename") String filename, @QueryParam("bundle_name") String bundle) {
    LikePattern pattern = Params.pattern(filenamePattern);
    Map<String, Comparator<ImportError>> sorts = new LinkedHashMap<>();
    sorts.put("id", Comparator.comparingInt(ImportError::importErrorId));
    sorts.put("import_error_id", sorts.get("id"));
    sorts.put("timestamp", Comparator.comparing(ImportError::timestamp));
    sorts.put("filename", Comparator.comparing(ImportError::filename));
    sorts.put("bundle_name", Comparator.comparing(ImportError::bundleName));
    sorts.put("stacktrace", Comparator.comparing(ImportError::stackTrace));
    Comparator<ImportError> order = OrderBy.of(orderBy, sorts, "id");
    List<ImportError> matched = errors.all().stream()
        .filter(e -> OrderBy.like(pattern, e.filename()))
        .filter(e -> OrderBy.prefix(filenamePrefix, e.filename()))
        .filter(e -> filename == null || filename.equals(e.filename()))
        .filter(e -> bundle == null || bundle.equals(e.bundleName()))
        .sorted(order).toList();
    OrderBy.Page<ImportError> page = OrderBy.page(matched, limit, offset);
    return new ImportErrorCollection(page.items(), page.total());
  }

  @GET
  @Path("/{import_error_id}")
  public ImportError get(@PathParam("import_error_id") String id) {
    Integer n = PathInts.parse("import_error_id", id);
    if (n == null) {
      throw ApiException.notFound("The ImportError with import_error_id: `" + id + "` was not found");
    }
    return errors.get(n);
  }
}
