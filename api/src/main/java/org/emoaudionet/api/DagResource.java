package org.emoaudionet.api;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Set;
import org.emoaudionet.api.AirflowModels.Dag;
import org.emoaudionet.api.AirflowModels.DagCollection;
import org.emoaudionet.api.AirflowModels.Task;
import org.emoaudionet.api.AirflowModels.TaskCollection;
import org.emoaudionet.workflows.DagCatalog;
import org.emoaudionet.workflows.DagDefinition;

/** {@code /api/v2/dags}: the DAG files' pipelines, their pause state and schedules. */
@Path("/api/v2/dags")
@Produces(MediaType.APPLICATION_JSON)
public class DagResource {
  @Inject DagCatalog catalog;
  @Inject DagViews views;
  @Inject ObjectMapper json;
  @Inject DagStates states;
  @Inject DagSchedules schedules;
  @Inject CurrentUser currentUser;
  @Inject RunRepository runs;
  @Inject RunViews runViews;

  /** Airflow's documented filters of get_dags, every one applied (DagFilters for the rest). */
  @GET
  public DagCollection list(@QueryParam("limit") String limit, @QueryParam("offset") String offset,
      @QueryParam("tags") List<String> tags, @QueryParam("tags_match_mode") String tagsMode,
      @QueryParam("dag_id_pattern") String idPattern,
      @QueryParam("dag_display_name_pattern") String namePattern,
      @QueryParam("paused") String paused, @QueryParam("order_by") List<String> orderBy,
      @QueryParam("owners") List<String> owners,
      @QueryParam("dag_run_state") List<String> runStates,
      @QueryParam("timetable_type") List<String> timetableTypes, @Context UriInfo uri) {
    Map<String, String> q = new LinkedHashMap<>();
    uri.getQueryParameters().forEach((k, v) -> q.put(k, v.isEmpty() ? null : v.get(0)));
    DagFilters filters = DagFilters.parse(q, owners, runStates, timetableTypes);
    Instant now = Instant.now();
    Map<String, AirflowModels.DagRun> latest = filters.needsRuns()
        ? DagFilters.latestRuns(runs, runViews) : Map.of();
    List<Dag> matched = select(tags, tagsMode, idPattern, namePattern, paused, orderBy).stream()
        .filter(s -> filters.matches(s.dag()) && filters.matchesLatest(latest.get(s.dag().dagId())))
        .map(s -> views.dag(s.dag(), s.paused(), now)).toList();
    return page(matched, limit, offset);
  }

  private static DagCollection page(List<Dag> matched, String limit, String offset) {
    int lim = Params.limit(limit);
    int off = Params.offset(offset);
    return new DagCollection(matched.stream().skip(off).limit(lim).toList(), matched.size());
  }

  /** A DAG and whether it is paused, read once per request. */
  private record Stated(DagDefinition dag, boolean paused) {}

  /** Airflow's DAG filters: id/name patterns, tags (any or all), paused. */
  private List<Stated> select(List<String> tags, String tagsMode, String idPattern,
      String namePattern, String paused, List<String> orderBy) {
    Boolean p = Params.bool("paused", paused);
    boolean all = "all".equals(tagsMode);
    if (tagsMode != null && !all && !"any".equals(tagsMode)) {
      throw ApiException.invalid("literal_error", List.of("query", "tags_match_mode"),
          "Input should be 'any' or 'all'", tagsMode);
    }
    LikePattern id = "~".equals(idPattern) ? null : Params.pattern(idPattern);
    LikePattern name = "~".equals(namePattern) ? null : Params.pattern(namePattern);
    Comparator<DagDefinition> order = order(orderBy);
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

  /** Pauses or resumes one DAG (Airflow's DAGPatchBody: {@code {"is_paused": bool}}). */
  @PATCH
  @Path("/{dag_id}")
  @Consumes(MediaType.WILDCARD)
  public Dag patch(@PathParam("dag_id") String dagId,
      @QueryParam("update_mask") List<String> mask,
      String body) {
    boolean paused = patchBody(body, mask);
    DagDefinition d = views.require(dagId);
    setPaused(d, paused, currentUser.name());
    return views.dag(d, paused, Instant.now());
  }

  /** Pauses or resumes every DAG matching the filters; {@code dag_id_pattern} is required. */
  @PATCH
  @Consumes(MediaType.WILDCARD)
  public DagCollection patchAll(@QueryParam("limit") String limit,
      @QueryParam("offset") String offset, @QueryParam("tags") List<String> tags,
      @QueryParam("tags_match_mode") String tagsMode,
      @QueryParam("dag_id_pattern") String idPattern, @QueryParam("paused") String pausedFilter,
      @QueryParam("dag_id_prefix_pattern") String idPrefix,
      @QueryParam("owners") List<String> owners, @QueryParam("exclude_stale") String excludeStale,
      @QueryParam("update_mask") List<String> mask,
      String body) {
    boolean paused = patchBody(body, mask);
    Params.bool("exclude_stale", excludeStale); // nothing is stale: checked only
    if ((idPattern == null || idPattern.isEmpty()) && (idPrefix == null || idPrefix.isEmpty())) {
      throw ApiException.invalid("missing", List.of("query", "dag_id_pattern"),
          "Field required: name the DAGs to update (dag_id_pattern, '~' for all, or"
              + " dag_id_prefix_pattern)", null);
    }
    String user = currentUser.name();
    Instant now = Instant.now();
    List<Dag> changed = select(tags, tagsMode, idPattern, null, pausedFilter, List.of()).stream()
        .filter(s -> OrderBy.prefix(idPrefix, s.dag().dagId()))
        .filter(s -> owners == null || owners.isEmpty() || owners.contains(DagViews.OWNER))
        .map(s -> {
          setPaused(s.dag(), paused, user);
          return views.dag(s.dag(), paused, now);
        }).toList();
    return page(changed, limit, offset);
  }

  private boolean patchBody(String body, List<String> mask) {
    JsonBody b = JsonBody.parse(body, json, Set.of("is_paused"));
    // DAGPatchBody.is_paused is a plain bool: null is a 422 here, never an unboxing NPE (500).
    Boolean paused = b.requiredBool("is_paused");
    b.done();
    if (mask != null && !mask.isEmpty() && !mask.equals(List.of("is_paused"))) {
      throw ApiException.badRequest("Only `is_paused` field can be updated through the REST API;"
          + " update_mask was " + mask);
    }
    return paused;
  }

  /** Stores the state first (it is what every process reads), then brings Temporal in line. */
  private void setPaused(DagDefinition d, boolean paused, String user) {
    states.write(d.dagId(), paused, user);
    try {
      schedules.apply(d, paused, user);
    } catch (RuntimeException e) {
      throw ApiException.unavailable("DAG " + d.dagId() + " is now " + (paused ? "paused" : "active")
          + " but its Temporal schedule could not be updated (" + e.getMessage()
          + "); it is reconciled when the API restarts");
    }
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

  @GET
  @Path("/{dag_id}")
  public Dag get(@PathParam("dag_id") String dagId) {
    return views.dag(views.require(dagId));
  }

  /** DAGDetailsResponse: the DAG body plus scheduling details; the default conf as params. */
  @GET
  @Path("/{dag_id}/details")
  public Map<String, Object> details(@PathParam("dag_id") String dagId) {
    DagDefinition d = views.require(dagId);
    Map<String, Object> out = new LinkedHashMap<>(
        json.convertValue(views.dag(d), new TypeReference<Map<String, Object>>() {}));
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
    out.put("latest_dag_version", json.convertValue(views.version(d), new TypeReference<Map<String, Object>>() {}));
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

  @GET
  @Path("/{dag_id}/tasks")
  public TaskCollection tasks(@PathParam("dag_id") String dagId,
      @HeaderParam("User-Agent") String userAgent) {
    List<Task> tasks = views.tasks(views.require(dagId), userAgent);
    return new TaskCollection(tasks, tasks.size());
  }

  @GET
  @Path("/{dag_id}/tasks/{task_id}")
  public Task task(@PathParam("dag_id") String dagId, @PathParam("task_id") String taskId,
      @HeaderParam("User-Agent") String userAgent) {
    return views.task(views.require(dagId), taskId, userAgent);
  }
}
