package org.emoaudionet.workflows.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.emoaudionet.workflows.conf.RunConf;

/**
 * The Temporal memo of a DAG run execution: what the API reads back to answer Airflow's DagRun
 * fields, whoever started the run (the API, a schedule, a data trigger). All values are strings.
 */
public final class RunMemo {
  private RunMemo() {}

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Who triggered the run (Airflow's {@code triggering_user_name}); absent for schedules. */
  public static final String TRIGGERING_USER = "triggering_user_name";
  /** The DAG run's note as given when it was triggered. */
  public static final String NOTE = "note";

  /** Airflow's {@code run_type} values this platform produces. */
  public static final String MANUAL = "manual";
  public static final String SCHEDULED = "scheduled";
  public static final String ASSET_TRIGGERED = "asset_triggered";

  /**
   * @param runType {@link #MANUAL}, {@link #SCHEDULED} or {@link #ASSET_TRIGGERED}
   * @param triggeredBy Airflow's {@code triggered_by}: {@code rest_api}, {@code timetable},
   *     {@code asset}
   * @param conf the run's resolved conf: stored as {@link RunConf#toConf()}
   * @param logicalDate null for runs without one (asset-triggered runs in Airflow 3)
   */
  public static Map<String, String> of(String dagId, String dagRunId, String runType,
      String triggeredBy, RunConf conf, Instant queuedAt, Instant runAfter,
      Instant logicalDate) {
    Map<String, String> memo = new LinkedHashMap<>();
    memo.put("dag_id", dagId);
    memo.put("dag_run_id", dagRunId);
    if (logicalDate != null) memo.put("logical_date", logicalDate.toString());
    memo.put("run_type", runType);
    memo.put("conf", toJson(conf.toConf()));
    memo.put("triggered_by", triggeredBy);
    memo.put("queued_at", queuedAt.toString());
    memo.put("run_after", runAfter.toString());
    return memo;
  }

  public static String toJson(Map<String, Object> conf) {
    try {
      return JSON.writeValueAsString(conf);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("conf is not JSON-serialisable: " + e.getOriginalMessage(), e);
    }
  }
}
