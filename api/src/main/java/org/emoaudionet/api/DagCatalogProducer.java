package org.emoaudionet.api;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.emoaudionet.workflows.DagCatalog;

/**
 * This API's DAGs, injected where they are read: the bundled DAG files plus the folder
 * {@code emo.dags.folder} names, scanned once (a bad file is an import error, not fatal). It is
 * also installed as the process's catalog, which conf validation reads to check that a
 * {@code pretrained_from} names a known DAG.
 */
@Singleton
public class DagCatalogProducer {
  @Inject ApiSettings settings;

  // @Singleton, not @ApplicationScoped: DagCatalog is an immutable final class, no proxy needed
  @Produces
  @Singleton
  DagCatalog catalog() {
    DagCatalog catalog = DagCatalog.scan(settings.dagsFolder().orElse(null));
    DagCatalog.install(catalog);
    return catalog;
  }
}
