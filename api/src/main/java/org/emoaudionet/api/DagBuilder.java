package org.emoaudionet.api;

import java.time.Instant;
import java.util.List;
import org.emoaudionet.api.AirflowModels.Dag;
import org.emoaudionet.api.AirflowModels.DagTag;

/**
 * Builds Airflow's DAGResponse ({@link Dag}, 30 fields) by name: a caller sets what it knows
 * about the DAG and leaves the rest to the defaults stated here once. The booleans left unset
 * are false, which is true of every DAG this API serves: no import errors, no task concurrency
 * limits, no backfill, never stale, no partitioned timetable.
 */
public final class DagBuilder {
  private List<String> allowedRunTypes;
  private String bundleName;
  private String bundleVersion;
  private String dagDisplayName;
  private String dagId;
  private String description;
  private String fileToken;
  private String fileloc;
  private boolean hasImportErrors;
  private boolean hasTaskConcurrencyLimits;
  private boolean isBackfillable;
  private boolean isPaused;
  private boolean isStale;
  private Instant lastExpired;
  private Double lastParseDuration;
  private Instant lastParsedTime;
  /** Airflow's {@code core.max_active_runs_per_dag} default; nothing here lowers it. */
  private Integer maxActiveRuns = 16;
  /** Airflow's {@code core.max_active_tasks_per_dag} default. */
  private int maxActiveTasks = 16;
  private int maxConsecutiveFailedDagRuns;
  private Instant nextDagrunDataIntervalEnd;
  private Instant nextDagrunDataIntervalStart;
  private Instant nextDagrunLogicalDate;
  private Instant nextDagrunRunAfter;
  /** owners and tags are required lists: the client rejects null, so unset they are empty. */
  private List<String> owners = List.of();
  private String relativeFileloc;
  private List<DagTag> tags = List.of();
  private String timetableDescription;
  private boolean timetablePartitioned;
  private boolean timetablePeriodic;
  private String timetableSummary;

  DagBuilder() {}

  public DagBuilder allowedRunTypes(List<String> v) { allowedRunTypes = v; return this; }
  public DagBuilder bundleName(String v) { bundleName = v; return this; }
  public DagBuilder bundleVersion(String v) { bundleVersion = v; return this; }
  public DagBuilder dagDisplayName(String v) { dagDisplayName = v; return this; }
  public DagBuilder dagId(String v) { dagId = v; return this; }
  public DagBuilder description(String v) { description = v; return this; }
  public DagBuilder fileToken(String v) { fileToken = v; return this; }
  public DagBuilder fileloc(String v) { fileloc = v; return this; }
  public DagBuilder hasImportErrors(boolean v) { hasImportErrors = v; return this; }
  public DagBuilder hasTaskConcurrencyLimits(boolean v) {
    hasTaskConcurrencyLimits = v;
    return this;
  }
  public DagBuilder isBackfillable(boolean v) { isBackfillable = v; return this; }
  public DagBuilder isPaused(boolean v) { isPaused = v; return this; }
  public DagBuilder isStale(boolean v) { isStale = v; return this; }
  public DagBuilder lastExpired(Instant v) { lastExpired = v; return this; }
  public DagBuilder lastParseDuration(Double v) { lastParseDuration = v; return this; }
  public DagBuilder lastParsedTime(Instant v) { lastParsedTime = v; return this; }
  public DagBuilder maxActiveRuns(Integer v) { maxActiveRuns = v; return this; }
  public DagBuilder maxActiveTasks(int v) { maxActiveTasks = v; return this; }
  public DagBuilder maxConsecutiveFailedDagRuns(int v) {
    maxConsecutiveFailedDagRuns = v;
    return this;
  }
  public DagBuilder nextDagrunDataIntervalEnd(Instant v) {
    nextDagrunDataIntervalEnd = v;
    return this;
  }
  public DagBuilder nextDagrunDataIntervalStart(Instant v) {
    nextDagrunDataIntervalStart = v;
    return this;
  }
  public DagBuilder nextDagrunLogicalDate(Instant v) { nextDagrunLogicalDate = v; return this; }
  public DagBuilder nextDagrunRunAfter(Instant v) { nextDagrunRunAfter = v; return this; }
  public DagBuilder owners(List<String> v) { owners = v; return this; }
  public DagBuilder relativeFileloc(String v) { relativeFileloc = v; return this; }
  public DagBuilder tags(List<DagTag> v) { tags = v; return this; }
  public DagBuilder timetableDescription(String v) { timetableDescription = v; return this; }
  public DagBuilder timetablePartitioned(boolean v) { timetablePartitioned = v; return this; }
  public DagBuilder timetablePeriodic(boolean v) { timetablePeriodic = v; return this; }
  public DagBuilder timetableSummary(String v) { timetableSummary = v; return this; }

  public Dag build() {
    return new Dag(allowedRunTypes, bundleName, bundleVersion, dagDisplayName, dagId, description,
        fileToken, fileloc, hasImportErrors, hasTaskConcurrencyLimits, isBackfillable, isPaused,
        isStale, lastExpired, lastParseDuration, lastParsedTime, maxActiveRuns, maxActiveTasks,
        maxConsecutiveFailedDagRuns, nextDagrunDataIntervalEnd, nextDagrunDataIntervalStart,
        nextDagrunLogicalDate, nextDagrunRunAfter, owners, relativeFileloc, tags,
        timetableDescription, timetablePartitioned, timetablePeriodic, timetableSummary);
  }
}
