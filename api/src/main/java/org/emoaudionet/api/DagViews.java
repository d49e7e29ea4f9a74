package org.emoaudionet.api;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.emoaudionet.api.AirflowModels.Dag;
import org.emoaudionet.api.AirflowModels.DagTag;
import org.emoaudionet.api.AirflowModels.DagVersion;
import org.emoaudionet.api.AirflowModels.Task;
import org.emoaudionet.workflows.DagCatalog;
import org.emoaudionet.workflows.DagDefinition;
import org.emoaudionet.workflows.TaskQueues;

/** The bundled DAG catalog as Airflow's DAG, task and DAG-version bodies. */
@ApplicationScoped
public class DagViews {
  static final String BUNDLE = "emo-workflows";
  static final String OWNER = "emoaudionet";
  static final String FILELOC = "org/emoaudionet/workflows/DagCatalog.java";
  /** The catalog is compiled in: it was "parsed" when this process loaded it. */
  private final Instant loadedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);

  public DagDefinition require(String dagId) {
    return DagCatalog.find(dagId).orElseThrow(() ->
        ApiException.notFound("The Dag with ID: `" + dagId + "` was not found"));
  }

  public Dag dag(DagDefinition d) {
    List<DagTag> tags = d.tags().stream().map(t -> new DagTag(t, d.dagId(), d.dagId())).toList();
    String token = Base64.getUrlEncoder().withoutPadding()
        .encodeToString((FILELOC + "#" + d.dagId()).getBytes(StandardCharsets.UTF_8));
    return new Dag(List.of("manual"), BUNDLE, null, d.dagId(), d.dagId(), d.description(), token,
        FILELOC, false, false, false, false, false, null, null, loadedAt, 16, 16, 0, null, null,
        null, null, List.of(OWNER), FILELOC, tags, "Never, external triggers only", false, false,
        "None");
  }

  public DagVersion version(DagDefinition d) {
    UUID id = UUID.nameUUIDFromBytes(("dag-version:" + d.dagId() + ":1").getBytes(StandardCharsets.UTF_8));
    return new DagVersion(BUNDLE, null, null, loadedAt, d.dagId(), d.dagId(), id, 1);
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

  public List<Task> tasks(DagDefinition d, String userAgent) {
    List<String> ids = DagDefinition.TASK_IDS;
    return ids.stream().map(id -> task(d, id, userAgent)).toList();
  }

  public Task task(DagDefinition d, String taskId, String userAgent) {
    List<String> ids = DagDefinition.TASK_IDS;
    int i = ids.indexOf(taskId);
    if (i < 0) {
      throw ApiException.notFound("Task with id `" + taskId + "` not found in Dag `" + d.dagId()
          + "`; tasks: " + ids);
    }
    List<String> downstream = i + 1 < ids.size() ? List.of(ids.get(i + 1)) : List.of();
    return new Task(null, false, null, downstream, null, null, List.of(), false, operator(),
        OWNER, Map.of(), "default_pool", 1, priorityWeight(taskId), queue(taskId), 0, null,
        backoffFor(userAgent),
        null, taskId, taskId, List.of(), "all_success", "#fff", "#000", false, "downstream");
  }

  static String operator() {
    return "TemporalActivity";
  }

  /** Airflow's "downstream" weight rule: the number of tasks left including this one. */
  static int priorityWeight(String taskId) {
    return DagDefinition.TASK_IDS.size() - DagDefinition.TASK_IDS.indexOf(taskId);
  }

  static String queue(String taskId) {
    // promote re-scores the champion on the test set: inference, queued like evaluate
    return taskId.equals("train") || taskId.equals("evaluate") || taskId.equals("promote")
        ? TaskQueues.GPU : TaskQueues.CPU;
  }
}
