package org.emoaudionet.api;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.regex.Pattern;
import org.emoaudionet.api.AirflowModels.Dag;
import org.emoaudionet.api.AirflowModels.DagCollection;
import org.emoaudionet.api.AirflowModels.Task;
import org.emoaudionet.api.AirflowModels.TaskCollection;
import org.emoaudionet.workflows.DagCatalog;
import org.emoaudionet.workflows.DagDefinition;

/** {@code /api/v2/dags}: the bundled pipelines. They are never paused. */
@Path("/api/v2/dags")
@Produces(MediaType.APPLICATION_JSON)
public class DagResource {
  @Inject DagViews views;
  @Inject ObjectMapper json;

  @GET
  public DagCollection list(@QueryParam("limit") String limit, @QueryParam("offset") String offset,
      @QueryParam("tags") List<String> tags, @QueryParam("tags_match_mode") String tagsMode,
      @QueryParam("dag_id_pattern") String idPattern,
      @QueryParam("dag_display_name_pattern") String namePattern,
      @QueryParam("paused") String paused, @QueryParam("order_by") List<String> orderBy) {
    int lim = Params.limit(limit);
    int off = Params.offset(offset);
    Boolean p = Params.bool("paused", paused);
    boolean all = "all".equals(tagsMode);
    if (tagsMode != null && !all && !"any".equals(tagsMode)) {
      throw ApiException.invalid("literal_error", List.of("query", "tags_match_mode"),
          "Input should be 'any' or 'all'", tagsMode);
    }
    Pattern id = idPattern == null || idPattern.isEmpty() || idPattern.equals("~")
        ? null : Params.ilike(idPattern);
    Pattern name = namePattern == null || namePattern.isEmpty() || namePattern.equals("~")
        ? null : Params.ilike(namePattern);
    List<DagDefinition> matched = DagCatalog.all().stream()
        .filter(d -> id == null || id.matcher(d.dagId()).find())
        .filter(d -> name == null || name.matcher(d.dagId()).find())
        .filter(d -> p == null || !p)
        .filter(d -> tags == null || tags.isEmpty()
            || (all ? d.tags().containsAll(tags) : tags.stream().anyMatch(d.tags()::contains)))
        .sorted(order(orderBy))
        .toList();
    List<Dag> page = matched.stream().skip(off).limit(lim).map(views::dag).toList();
    return new DagCollection(page, matched.size());
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
    out.put("is_paused_upon_creation", null);
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
