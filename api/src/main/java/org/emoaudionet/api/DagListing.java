package org.emoaudionet.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.emoaudionet.api.AirflowModels.Dag;
import org.emoaudionet.api.AirflowModels.DagCollection;
import org.emoaudionet.api.AirflowModels.DagRun;
import org.emoaudionet.workflows.dag.DagCatalog;
import org.emoaudionet.workflows.dag.DagDefinition;

/**
 * {@code GET /dags}: the catalog's DAGs through Airflow's filters of get_dags, every one applied
 * ({@link DagSelection} here, {@link DagFilters} for the rest), sorted and paged. Each DAG's
 * pause state is read once per request, from S3.
 */
@ApplicationScoped
public class DagListing {
  @Inject DagCatalog catalog;
  @Inject DagViews views;
  @Inject DagStates states;
  @Inject RunRepository runs;
  @Inject RunViews runViews;

  /** A DAG and whether it is paused, as read for this request. */
  record Stated(DagDefinition dag, boolean paused) {}

  DagCollection list(DagSelection sel, DagFilters filters, String limit, String offset) {
    Instant now = Instant.now();
    Map<String, DagRun> latest = filters.needsRuns()
        ? DagFilters.latestRuns(runs, runViews) : Map.of();
    List<Dag> matched = select(sel).stream()
        .filter(s -> filters.matches(s.dag()) && filters.matchesLatest(latest.get(s.dag().dagId())))
        .map(s -> views.dag(s.dag(), s.paused(), now)).toList();
    return page(matched, limit, offset);
  }

  static DagCollection page(List<Dag> matched, String limit, String offset) {
    int lim = Params.limit(limit);
    int off = Params.offset(offset);
    return new DagCollection(matched.stream().skip(off).limit(lim).toList(), matched.size());
  }

  /** Airflow's DAG filters: id/name patterns, tags (any or all), paused. */
  List<Stated> select(DagSelection sel) {
    Boolean p = Params.bool("paused", sel.paused());
    String tagsMode = sel.tagsMode();
    boolean all = "all".equals(tagsMode);
    if (tagsMode != null && !all && !"any".equals(tagsMode)) {
      throw ApiException.invalid("literal_error", List.of("query", "tags_match_mode"),
          "Input should be 'any' or 'all'", tagsMode);
    }
    LikePattern id = "~".equals(sel.idPattern()) ? null : Params.pattern(sel.idPattern());
    LikePattern name = "~".equals(sel.namePattern()) ? null : Params.pattern(sel.namePattern());
    Comparator<DagDefinition> order = order(sel.orderBy());
    List<String> tags = sel.tags();
    return catalog.list().stream()
        .filter(d -> id == null || id.matches(d.dagId()))
        .filter(d -> name == null || name.matches(d.dagId()))
        .filter(d -> tags == null || tags.isEmpty()
            || (all ? d.tags().containsAll(tags) : tags.stream().anyMatch(d.tags()::contains)))
        .sorted(order)
        .map(d -> new Stated(d, states.paused(d)))
        .filter(s -> p == null || s.paused() == p)
        .toList();
  }

  private static Comparator<DagDefinition> order(List<String> orderBy) {
    Comparator<DagDefinition> c = Comparator.comparing(DagDefinition::dagId);
    if (orderBy == null || orderBy.isEmpty()) return c;
    String key = orderBy.get(0);
    boolean desc = key.startsWith("-");
    String attr = desc ? key.substring(1) : key;
    if (!attr.equals("dag_id") && !attr.equals("dag_display_name")) {
      throw ApiException.badRequest("Ordering with '" + attr
          + "' is disallowed or the attribute does not exist on the model (supported: dag_id, dag_display_name)");
    }
    return desc ? c.reversed() : c;
  }
}
