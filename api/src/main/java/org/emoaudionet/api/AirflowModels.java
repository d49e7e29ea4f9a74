package org.emoaudionet.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Airflow 3's response bodies, field for field as the official Python client
 * (apache-airflow-client 3.x, pydantic, strict types) reads them. Property names are written in
 * snake_case by the global Jackson naming strategy; nulls are written, as FastAPI does.
 */
public final class AirflowModels {
  private AirflowModels() {}

  public record DagTag(String name, String dagId, String dagDisplayName) {}

  public record Dag(
      List<String> allowedRunTypes, String bundleName, String bundleVersion, String dagDisplayName,
      String dagId, String description, String fileToken, String fileloc, boolean hasImportErrors,
      boolean hasTaskConcurrencyLimits, boolean isBackfillable, boolean isPaused, boolean isStale,
      Instant lastExpired, Double lastParseDuration, Instant lastParsedTime, Integer maxActiveRuns,
      int maxActiveTasks, int maxConsecutiveFailedDagRuns, Instant nextDagrunDataIntervalEnd,
      Instant nextDagrunDataIntervalStart, Instant nextDagrunLogicalDate, Instant nextDagrunRunAfter,
      List<String> owners, String relativeFileloc, List<DagTag> tags, String timetableDescription,
      boolean timetablePartitioned, boolean timetablePeriodic, String timetableSummary) {
    /** Fields by name, with Airflow's defaults for the rest (see {@link DagBuilder}). */
    public static DagBuilder builder() {
      return new DagBuilder();
    }
  }

  public record DagCollection(List<Dag> dags, int totalEntries) {}

  public record Task(
      Map<String, Object> classRef, boolean dependsOnPast, String docMd,
      List<String> downstreamTaskIds, Instant endDate, Object executionTimeout,
      List<String> extraLinks, boolean isMapped, String operatorName, String owner,
      Map<String, Object> params, String pool, int poolSlots, int priorityWeight, String queue,
      int retries, Object retryDelay, Object retryExponentialBackoff, Instant startDate,
      String taskDisplayName, String taskId, List<String> templateFields, String triggerRule,
      String uiColor, String uiFgcolor, boolean waitForDownstream, String weightRule) {
    /** Fields by name, with BaseOperator's defaults for the rest (see {@link TaskBuilder}). */
    public static TaskBuilder builder() {
      return new TaskBuilder();
    }
  }

  public record TaskCollection(List<Task> tasks, int totalEntries) {}

  public record DagVersion(
      String bundleName, String bundleUrl, String bundleVersion, Instant createdAt,
      String dagDisplayName, String dagId, UUID id, int versionNumber) {}

  public record DagRun(
      String bundleVersion, Map<String, Object> conf, String dagDisplayName, String dagId,
      String dagRunId, List<DagVersion> dagVersions, Instant dataIntervalEnd,
      Instant dataIntervalStart, Double duration, Instant endDate, Instant lastSchedulingDecision,
      Instant logicalDate, String note, Instant partitionDate, String partitionKey, Instant queuedAt,
      Instant runAfter, String runType, Instant startDate, String state, String triggeredBy,
      String triggeringUserName) {
    /** Fields by name; see {@link DagRunBuilder} for the defaults. */
    public static DagRunBuilder builder() {
      return new DagRunBuilder();
    }
  }

  public record DagRunCollection(List<DagRun> dagRuns, int totalEntries) {}

  public record TaskInstance(
      String dagDisplayName, String dagId, String dagRunId, DagVersion dagVersion, Double duration,
      Instant endDate, String executor, String executorConfig, String hostname, UUID id,
      Instant logicalDate, int mapIndex, int maxTries, String note, String operator,
      String operatorName, Integer pid, String pool, int poolSlots, int priorityWeight,
      String queue, Instant queuedWhen, Map<String, Object> renderedFields,
      String renderedMapIndex, Instant runAfter, Instant scheduledWhen, Instant startDate,
      String state, String taskDisplayName, String taskId, Object trigger, Object triggererJob,
      int tryNumber, String unixname) {
    /** Fields by name; see {@link TaskInstanceBuilder} for the defaults. */
    public static TaskInstanceBuilder builder() {
      return new TaskInstanceBuilder();
    }
  }

  public record TaskInstanceCollection(List<TaskInstance> taskInstances, int totalEntries) {}

  /** XComResponse: an entry of a listing, without its value. */
  public record XComEntry(String dagDisplayName, String dagId, String key, Instant logicalDate,
      int mapIndex, Instant runAfter, String runId, String taskDisplayName, String taskId,
      Instant timestamp) {}

  /** XComResponseNative: the value as JSON. */
  public record XComNative(String dagDisplayName, String dagId, String key, Instant logicalDate,
      int mapIndex, Instant runAfter, String runId, String taskDisplayName, String taskId,
      Instant timestamp, Object value) {}

  /** XComResponseString: the value as Python's {@code str()} of it. */
  public record XComString(String dagDisplayName, String dagId, String key, Instant logicalDate,
      int mapIndex, Instant runAfter, String runId, String taskDisplayName, String taskId,
      Instant timestamp, String value) {}

  public record XComCollection(List<XComEntry> xcomEntries, int totalEntries) {}

  /** TaskInstanceHistoryResponse: one try of a task instance. */
  public record TaskInstanceHistory(
      String dagDisplayName, String dagId, String dagRunId, DagVersion dagVersion, Double duration,
      Instant endDate, String executor, String executorConfig, String hostname, int mapIndex,
      int maxTries, String operator, String operatorName, Integer pid, String pool, int poolSlots,
      Integer priorityWeight, String queue, Instant queuedWhen, Instant scheduledWhen,
      Instant startDate, String state, String taskDisplayName, String taskId, int tryNumber,
      String unixname) {
    /** A try of {@code ti}: its fields, but for those a caller sets (see the builder). */
    public static TaskInstanceHistoryBuilder tryOf(TaskInstance ti) {
      return new TaskInstanceHistoryBuilder(ti);
    }
  }

  public record TaskInstanceHistoryCollection(List<TaskInstanceHistory> taskInstances,
      int totalEntries) {}

  public record LogMessage(String event, Instant timestamp) {}

  public record TaskInstancesLog(List<LogMessage> content, String continuationToken) {}

  public record Status(String status) {}

  public record SchedulerStatus(String status, String latestSchedulerHeartbeat) {}

  public record TriggererStatus(String status, String latestTriggererHeartbeat) {}

  public record DagProcessorStatus(String status, String latestDagProcessorHeartbeat) {}

  public record Health(Status metadatabase, SchedulerStatus scheduler, TriggererStatus triggerer,
      DagProcessorStatus dagProcessor) {}

  public record Token(String accessToken) {}

  public record Version(String version, String gitVersion) {}
}
