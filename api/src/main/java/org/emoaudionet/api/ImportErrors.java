package org.emoaudionet.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.emoaudionet.api.CatalogModels.ImportError;
import org.emoaudionet.workflows.dag.DagCatalog;
import org.emoaudionet.workflows.dag.DagImportError;

/**
 * The DAG folder's files that could not be loaded (DagCatalog.scan left them out), as Airflow's
 * import errors. Ids are stable per file and message (StableIds): the same broken file keeps its
 * id across restarts, a fixed-then-rebroken one with another error gets a new one.
 */
@ApplicationScoped
public class ImportErrors {
  @Inject DagCatalog catalog;
  @Inject ApiSettings settings;
  /** The files were read at start-up: that is when they were "parsed". */
  private final Instant parsedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
  private volatile StableIds ids;

  public List<ImportError> all() {
    return catalog.importErrors().stream().map(this::view).toList();
  }

  public ImportError get(int id) {
    return all().stream().filter(e -> e.importErrorId() == id).findFirst().orElseThrow(() ->
        ApiException.notFound("The ImportError with import_error_id: `" + id + "` was not found"));
  }

  private ImportError view(DagImportError e) {
    int id = ids().of(e.fileName() + "\n" + e.message());
    return new ImportError(DagViews.BUNDLE, e.fileName(), id, e.message(), parsedAt);
  }

  private StableIds ids() {
    StableIds s = ids;
    if (s == null) {
      synchronized (this) {
        if (ids == null) ids = new StableIds(settings.apiStateDir().resolve("import-error-ids.json"));
        s = ids;
      }
    }
    return s;
  }
}
