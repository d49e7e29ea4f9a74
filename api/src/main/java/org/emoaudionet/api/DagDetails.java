package org.emoaudionet.api;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import org.emoaudionet.workflows.dag.DagDefinition;

/**
 * Airflow's DAGDetailsResponse: the DAG body plus the scheduling details Airflow keeps per DAG,
 * constant here (no catchup, UTC, no start or end date), and the DAG's default conf as params.
 * A map rather than a record: it is the DAG body's fields with more added, in that order.
 */
@ApplicationScoped
public class DagDetails {
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  @Inject DagViews views;
  @Inject ObjectMapper json;

  Map<String, Object> details(String dagId) {
    DagDefinition d = views.require(dagId);
    Map<String, Object> out = new LinkedHashMap<>(json.convertValue(views.dag(d), MAP));
    out.put("catchup", false);
    out.put("concurrency", out.get("max_active_tasks"));
    out.put("render_template_as_native_obj", false);
    out.put("is_paused_upon_creation", d.pausedUponCreation());
    out.put("timezone", "UTC");
    out.put("start_date", null);
    out.put("end_date", null);
    out.put("dag_run_timeout", null);
    out.put("doc_md", null);
    out.put("default_args", null);
    out.put("template_search_path", null);
    out.put("last_parsed", out.get("last_parsed_time"));
    out.put("latest_dag_version", json.convertValue(views.version(d), MAP));
    Map<String, Object> params = new LinkedHashMap<>();
    d.defaultConf().forEach((k, v) -> {
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("value", v);
      p.put("description", null);
      p.put("schema", Map.of());
      params.put(k, p);
    });
    out.put("params", params);
    return out;
  }
}
