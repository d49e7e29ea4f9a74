package org.emoaudionet.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.emoaudionet.api.CatalogModels.DagStats;
import org.emoaudionet.api.CatalogModels.DagStatsCollection;
import org.emoaudionet.api.CatalogModels.DagStatsState;

/**
 * {@code /api/v2/dagStats}: per DAG with runs, how many are in each of Airflow's four DAG-run
 * states (every state listed, zeros too), from the same Temporal listing as {@code dagRuns}.
 */
@Path("/api/v2/dagStats")
@Produces(MediaType.APPLICATION_JSON)
public class DagStatsResource {
  static final List<String> STATES = List.of("queued", "running", "success", "failed");

  @Inject RunRepository runs;
  @Inject RunViews views;

  @GET
  public DagStatsCollection get(@QueryParam("dag_ids") List<String> dagIds) {
    Map<String, Map<String, Integer>> counts = new TreeMap<>();
    for (RunRecord r : runs.list()) {
      if (dagIds != null && !dagIds.isEmpty() && !dagIds.contains(r.dagId())) continue;
      String state = views.snapshot(r).state();
      counts.computeIfAbsent(r.dagId(), k -> new TreeMap<>()).merge(state, 1, Integer::sum);
    }
    List<DagStats> dags = counts.entrySet().stream().map(e -> new DagStats(e.getKey(), e.getKey(),
        STATES.stream().map(s -> new DagStatsState(s, e.getValue().getOrDefault(s, 0))).toList()))
        .toList();
    return new DagStatsCollection(dags, dags.size());
  }
}
