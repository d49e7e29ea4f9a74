package org.emoaudionet.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Airflow 3's bodies of the catalog endpoints (assets, DAG stats and sources, import errors,
 * config, pools, variables), field for field as v2.yaml names them; written in snake_case by the
 * global naming strategy, nulls included.
 */
public final class CatalogModels {
  private CatalogModels() {}

  public record ImportError(String bundleName, String filename, int importErrorId,
      String stackTrace, Instant timestamp) {}

  public record ImportErrorCollection(List<ImportError> importErrors, int totalEntries) {}

  public record DagVersionCollection(List<AirflowModels.DagVersion> dagVersions, int totalEntries) {}

  public record DagSource(String content, String dagDisplayName, String dagId,
      Integer versionNumber) {}

  public record DagStatsState(String state, int count) {}

  public record DagStats(String dagDisplayName, String dagId, List<DagStatsState> stats) {}

  public record DagStatsCollection(List<DagStats> dags, int totalEntries) {}

  public record DagScheduleAssetReference(Instant createdAt, String dagId, Instant updatedAt) {}

  public record AssetWatcher(Instant createdDate, String name, int triggerId) {}

  public record LastAssetEvent(Integer id, Instant timestamp) {}

  public record Asset(List<Object> aliases, List<Object> consumingTasks, Instant createdAt,
      Map<String, Object> extra, String group, int id, LastAssetEvent lastAssetEvent, String name,
      List<Object> producingTasks, List<DagScheduleAssetReference> scheduledDags,
      Instant updatedAt, String uri, List<Object> watchers) {}

  public record AssetCollection(List<Asset> assets, int totalEntries) {}

  public record DagRunAssetReference(String dagId, Instant dataIntervalEnd,
      Instant dataIntervalStart, Instant endDate, Instant logicalDate, String partitionKey,
      String runId, Instant startDate, String state,
      // null only for clients that predate the field (AirflowCtlDialect): then left out
      @JsonInclude(JsonInclude.Include.NON_NULL) Boolean triggering) {}

  public record AssetEvent(int assetId, List<DagRunAssetReference> createdDagruns,
      Map<String, Object> extra, String group, int id, String name, String partitionKey,
      String sourceDagId, int sourceMapIndex, String sourceRunId, String sourceTaskId,
      Instant timestamp, String uri) {}

  public record AssetEventCollection(List<AssetEvent> assetEvents, int totalEntries) {}

  public record ConfigOption(String key, String value) {}

  public record ConfigSection(String name, List<ConfigOption> options) {}

  public record Config(List<ConfigSection> sections) {
    /** Airflow's {@code Config.text_format}: an INI file. */
    String text() {
      StringBuilder b = new StringBuilder();
      for (ConfigSection s : sections) {
        if (b.length() > 0) b.append('\n');
        b.append('[').append(s.name()).append("]\n");
        for (ConfigOption o : s.options()) b.append(o.key()).append(" = ").append(o.value()).append('\n');
      }
      return b.toString();
    }
  }

  public record Pool(int deferredSlots, String description, boolean includeDeferred, String name,
      int occupiedSlots, int openSlots, int queuedSlots, int runningSlots, int scheduledSlots,
      int slots, String teamName) {}

  public record PoolCollection(List<Pool> pools, int totalEntries) {}

  public record Variable(String description, boolean isEncrypted, String key, String teamName,
      String value) {}

  public record VariableCollection(List<Variable> variables, int totalEntries) {}
}
