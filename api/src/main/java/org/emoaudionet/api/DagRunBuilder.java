package org.emoaudionet.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.emoaudionet.api.AirflowModels.DagVersion;
import org.emoaudionet.api.AirflowModels.DagRun;

/**
 * Builds Airflow's DAGRunResponse ({@link DagRun}, 22 fields) by name. A run triggered without
 * conf has {@code {}} in Airflow, and {@code dag_versions} is a required list: both default to
 * empty; every other field left unset is null.
 */
public final class DagRunBuilder {
  private String bundleVersion;
  private Map<String, Object> conf = Map.of();
  private String dagDisplayName;
  private String dagId;
  private String dagRunId;
  private List<DagVersion> dagVersions = List.of();
  private Instant dataIntervalEnd;
  private Instant dataIntervalStart;
  private Double duration;
  private Instant endDate;
  private Instant lastSchedulingDecision;
  private Instant logicalDate;
  private String note;
  private Instant partitionDate;
  private String partitionKey;
  private Instant queuedAt;
  private Instant runAfter;
  private String runType;
  private Instant startDate;
  private String state;
  private String triggeredBy;
  private String triggeringUserName;

  DagRunBuilder() {}

  public DagRunBuilder bundleVersion(String v) { bundleVersion = v; return this; }
  public DagRunBuilder conf(Map<String, Object> v) { conf = v; return this; }
  public DagRunBuilder dagDisplayName(String v) { dagDisplayName = v; return this; }
  public DagRunBuilder dagId(String v) { dagId = v; return this; }
  public DagRunBuilder dagRunId(String v) { dagRunId = v; return this; }
  public DagRunBuilder dagVersions(List<DagVersion> v) { dagVersions = v; return this; }
  public DagRunBuilder dataIntervalEnd(Instant v) { dataIntervalEnd = v; return this; }
  public DagRunBuilder dataIntervalStart(Instant v) { dataIntervalStart = v; return this; }
  public DagRunBuilder duration(Double v) { duration = v; return this; }
  public DagRunBuilder endDate(Instant v) { endDate = v; return this; }
  public DagRunBuilder lastSchedulingDecision(Instant v) {
    lastSchedulingDecision = v;
    return this;
  }
  public DagRunBuilder logicalDate(Instant v) { logicalDate = v; return this; }
  public DagRunBuilder note(String v) { note = v; return this; }
  public DagRunBuilder partitionDate(Instant v) { partitionDate = v; return this; }
  public DagRunBuilder partitionKey(String v) { partitionKey = v; return this; }
  public DagRunBuilder queuedAt(Instant v) { queuedAt = v; return this; }
  public DagRunBuilder runAfter(Instant v) { runAfter = v; return this; }
  public DagRunBuilder runType(String v) { runType = v; return this; }
  public DagRunBuilder startDate(Instant v) { startDate = v; return this; }
  public DagRunBuilder state(String v) { state = v; return this; }
  public DagRunBuilder triggeredBy(String v) { triggeredBy = v; return this; }
  public DagRunBuilder triggeringUserName(String v) { triggeringUserName = v; return this; }

  public DagRun build() {
    return new DagRun(bundleVersion, conf, dagDisplayName, dagId, dagRunId, dagVersions,
        dataIntervalEnd, dataIntervalStart, duration, endDate, lastSchedulingDecision, logicalDate,
        note, partitionDate, partitionKey, queuedAt, runAfter, runType, startDate, state,
        triggeredBy, triggeringUserName);
  }
}
