package org.emoaudionet.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.emoaudionet.api.AirflowModels.DagRun;
import org.emoaudionet.workflows.pipeline.TaskState;

/**
 * Each task's result as Airflow's XCom {@code return_value}: what its activity returned (data
 * set digest, features key, training summary, test metrics, model version, champion decision),
 * read from the workflow's task board. A task has one once it succeeded; the {@code log} and
 * {@code attempt} every result carries are left out (they are the task's log and try number).
 */
@ApplicationScoped
public class XComViews {
  static final String RETURN_VALUE = "return_value";

  @Inject RunRepository runs;
  @Inject RunViews views;

  /** One XCom: its task, run and value (JSON: maps, lists, strings, numbers, booleans). */
  public record Row(DagRun run, String taskId, Instant timestamp, Object value) {
    String key() {
      return RETURN_VALUE;
    }
  }

  /** The XComs of a run, in DAG order: the tasks that produced a result. */
  List<Row> rows(RunRecord record) {
    Optional<List<TaskState>> tasks = runs.tasks(record);
    if (tasks.isEmpty()) return List.of();
    DagRun run = views.dagRun(record);
    List<Row> out = new ArrayList<>();
    for (TaskState t : tasks.get()) {
      if (!"success".equals(t.state()) || !(t.output() instanceof Map<?, ?> m)) continue;
      Map<String, Object> value = new LinkedHashMap<>();
      m.forEach((k, v) -> {
        if (!"log".equals(k) && !"attempt".equals(k)) value.put(snake(String.valueOf(k)), snakeKeys(v));
      });
      out.add(new Row(run, t.taskId(), t.endMillis() > 0 ? Instant.ofEpochMilli(t.endMillis())
          : run.endDate(), value));
    }
    return out;
  }

  /** The record's field names as the rest of this API writes them (snake_case). */
  private static Object snakeKeys(Object v) {
    if (v instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      m.forEach((k, x) -> out.put(snake(String.valueOf(k)), snakeKeys(x)));
      return out;
    }
    if (v instanceof List<?> l) return l.stream().map(XComViews::snakeKeys).toList();
    return v;
  }

  /** camelCase identifiers only: metric names such as {@code cv.mean.test_f1} stay as they are. */
  static String snake(String k) {
    if (!k.matches("[a-z][a-z0-9]*([A-Z][a-z0-9]*)+")) return k;
    StringBuilder sb = new StringBuilder();
    for (char c : k.toCharArray()) {
      if (Character.isUpperCase(c)) sb.append('_').append(Character.toLowerCase(c));
      else sb.append(c);
    }
    return sb.toString();
  }
}
