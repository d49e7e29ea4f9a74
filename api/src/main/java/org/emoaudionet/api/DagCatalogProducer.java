package org.emoaudionet.api;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.emoaudionet.workflows.dag.DagCatalog;

/**
 * This API's DAGs, injected where they are read: the bundled DAG files plus the folder
 * {@code emo.dags.folder} names, scanned once (a bad file is an import error, not fatal).
 */
@Singleton
public class DagCatalogProducer {
  @Inject ApiSettings settings;

  // @Singleton, not @ApplicationScoped: DagCatalog is an immutable final class, no proxy needed
  @Produces
  @Singleton
  DagCatalog catalog() {
    return DagCatalog.scan(settings.dagsFolder().orElse(null));
  }
}
