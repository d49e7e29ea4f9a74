package org.emoaudionet.api;

import java.util.List;
import org.emoaudionet.api.CatalogModels.AssetEvent;
import org.emoaudionet.api.CatalogModels.DagRunAssetReference;

/**
 * The one place the API answers a client by its version: airflowctl 0.1.x (User-Agent
 * {@code apache-airflow-ctl/0.1.5 (Python/3.11)}) parses responses with pydantic models generated
 * from Airflow 3.1's spec with {@code extra="forbid"}, so a field Airflow added later fails the
 * whole command. The API follows the spec of {@code apache-airflow-client} 3.3.2, in which an
 * asset event's {@code created_dagruns[].triggering} is required; airflowctl 0.1.5 has no such
 * field and refuses it ("Extra inputs are not permitted"), as it would against Airflow 3.3
 * itself. For airflowctl the field is left out; everyone else gets the spec's shape.
 */
final class AirflowCtlDialect {
  private AirflowCtlDialect() {}

  /** True for airflowctl releases generated before {@code triggering} existed. */
  static boolean withoutTriggering(String userAgent) {
    return userAgent != null && userAgent.startsWith("apache-airflow-ctl/0.1.");
  }

  static AssetEvent forAgent(AssetEvent e, String userAgent) {
    if (!withoutTriggering(userAgent)) return e;
    List<DagRunAssetReference> runs = e.createdDagruns().stream()
        .map(r -> new DagRunAssetReference(r.dagId(), r.dataIntervalEnd(), r.dataIntervalStart(),
            r.endDate(), r.logicalDate(), r.partitionKey(), r.runId(), r.startDate(), r.state(),
            null))
        .toList();
    return new AssetEvent(e.assetId(), runs, e.extra(), e.group(), e.id(), e.name(),
        e.partitionKey(), e.sourceDagId(), e.sourceMapIndex(), e.sourceRunId(), e.sourceTaskId(),
        e.timestamp(), e.uri());
  }
}
