package org.emoaudionet.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import org.emoaudionet.api.AirflowModels.Dag;
import org.emoaudionet.api.AirflowModels.DagTag;
import org.emoaudionet.api.AirflowModels.DagVersion;
import org.emoaudionet.api.AirflowModels.Task;
import org.emoaudionet.api.AirflowModels.TaskCollection;
import org.emoaudionet.spec.PipelineTask;
import org.emoaudionet.workflows.dag.DagCatalog;
import org.emoaudionet.workflows.dag.DagDefinition;
import org.emoaudionet.workflows.dag.Timetable;

/** The DAG catalog (bundled and folder DAG files) as Airflow's DAG, task and DAG-version bodies. */
@ApplicationScoped
public class DagViews {
  static final String BUNDLE = "emo-workflows";
  static final String OWNER = "emoaudionet";
  /** Where a DAG comes from when the catalog does not know (never for a listed DAG). */
  static final String FILELOC = "org/emoaudionet/workflows/DagCatalog.java";
  @Inject DagCatalog catalog;
  @Inject DagStates states;
  @Inject DagVersions versions;
  /** The DAG files are read once: they were "parsed" when this process loaded them. */
  private final Instant loadedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);

  public DagDefinition require(String dagId) {
    return catalog.get(dagId).orElseThrow(() ->
        ApiException.notFound("The Dag with ID: `" + dagId + "` was not found"));
  }

  /** DAG {@code dagId} (404 if there is none) with its pause state read from S3. */
  public Dag dag(String dagId) {
    return dag(require(dagId));
  }

  /** The DAG with its pause state read from S3. */
  public Dag dag(DagDefinition d) {
    return dag(d, states.paused(d), Instant.now());
  }

  /**
   * Airflow's DAGResponse. A scheduled DAG that is not paused reports its next fire time as
   * next logical date, run-after and (zero-length, as CronTriggerTimetable) data interval.
   */
  public Dag dag(DagDefinition d, boolean paused, Instant now) {
    List<DagTag> tags = d.tags().stream().map(t -> new DagTag(t, d.dagId(), d.dagId())).toList();
    String fileloc = catalog.source(d.dagId()).orElse(FILELOC);
    String token = Base64.getUrlEncoder().withoutPadding()
        .encodeToString((fileloc + "#" + d.dagId()).getBytes(StandardCharsets.UTF_8));
    Timetable timetable = d.schedule() == null ? null : Timetable.parse(d.schedule());
    Instant next = timetable == null || paused ? null
        : timetable.nextAfter(now).orElse(null);
    List<String> runTypes = new ArrayList<>(List.of("manual"));
    if (timetable != null) runTypes.add("scheduled");
    if (d.dataTrigger() != null) runTypes.add("asset_triggered");
    String summary;
    String description;
    if (timetable != null) {
      summary = timetable.summary();
      description = timetable.description();
    } else if (d.dataTrigger() != null) {
      summary = "Asset";
      description = "Triggered by changes under " + d.dataTrigger().prefix();
    } else {
      summary = "None";
      description = "Never, external triggers only";
    }
    String relative = fileloc.startsWith("/") ? Path.of(fileloc).getFileName().toString() : fileloc;
    return Dag.builder()
        .allowedRunTypes(runTypes)
        .bundleName(BUNDLE)
        .dagId(d.dagId())
        .dagDisplayName(d.dagId())
        .description(d.description())
        .fileToken(token)
        .fileloc(fileloc)
        .relativeFileloc(relative)
        .isPaused(paused)
        .lastParsedTime(loadedAt)
        .nextDagrunLogicalDate(next)
        .nextDagrunRunAfter(next)
        .nextDagrunDataIntervalStart(next)
        .nextDagrunDataIntervalEnd(next)
        .owners(List.of(OWNER))
        .tags(tags)
        .timetableDescription(description)
        .timetableSummary(summary)
        .timetablePeriodic(timetable != null)
        .build();
  }

  /** The version of the DAG file this process loaded (DagVersions keeps the history). */
  public DagVersion version(DagDefinition d) {
    return versions.latest(d);
  }

  /**
   * Airflow 3.2 turned {@code retry_exponential_backoff} from a boolean into a number; the
   * generated clients validate it strictly, so answer each in its own type (the Python client
   * names its version in User-Agent: {@code OpenAPI-Generator/3.1.0/python}).
   */
  static Object backoffFor(String userAgent) {
    boolean oldClient = userAgent != null
        && Pattern.compile("OpenAPI-Generator/3\\.[01]\\.").matcher(userAgent).find();
    return oldClient ? (Object) Boolean.FALSE : (Object) Integer.valueOf(0);
  }

  /** The tasks of DAG {@code dagId} (404 if there is none). */
  public TaskCollection tasks(String dagId, String userAgent) {
    List<Task> tasks = tasks(require(dagId), userAgent);
    return new TaskCollection(tasks, tasks.size());
  }

  public List<Task> tasks(DagDefinition d, String userAgent) {
    List<String> ids = DagDefinition.TASK_IDS;
    return ids.stream().map(id -> task(d, id, userAgent)).toList();
  }

  /** Task {@code taskId} of DAG {@code dagId} (404 if either is unknown). */
  public Task task(String dagId, String taskId, String userAgent) {
    return task(require(dagId), taskId, userAgent);
  }

  public Task task(DagDefinition d, String taskId, String userAgent) {
    List<String> ids = DagDefinition.TASK_IDS;
    int i = ids.indexOf(taskId);
    if (i < 0) {
      throw ApiException.notFound("Task with id `" + taskId + "` not found in Dag `" + d.dagId()
          + "`; tasks: " + ids);
    }
    List<String> downstream = i + 1 < ids.size() ? List.of(ids.get(i + 1)) : List.of();
    return Task.builder()
        .taskId(taskId)
        .taskDisplayName(taskId)
        .downstreamTaskIds(downstream)
        .operatorName(operator())
        .owner(OWNER)
        .priorityWeight(priorityWeight(taskId))
        .queue(queue(taskId))
        .retryExponentialBackoff(backoffFor(userAgent))
        .build();
  }

  static String operator() {
    return "TemporalActivity";
  }

  /** Airflow's "downstream" weight rule: the number of tasks left including this one. */
  static int priorityWeight(String taskId) {
    return DagDefinition.TASK_IDS.size() - DagDefinition.TASK_IDS.indexOf(taskId);
  }

  static String queue(String taskId) {
    return PipelineTask.of(taskId).queue();
  }
}
