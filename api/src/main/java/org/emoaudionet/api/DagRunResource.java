package org.emoaudionet.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.emoaudionet.api.AirflowModels.DagRun;
import org.emoaudionet.api.AirflowModels.DagRunCollection;
import org.emoaudionet.workflows.DagCatalog;
import org.emoaudionet.workflows.DagDefinition;

/** {@code /api/v2/dags/{dag_id}/dagRuns}: DAG runs as Temporal executions. */
@Path("/api/v2/dags/{dag_id}/dagRuns")
@Produces(MediaType.APPLICATION_JSON)
public class DagRunResource {
  /** Airflow's {@code dag_run_note.content} is a VARCHAR(1000). */
  static final int NOTE_MAX = 1000;
  private static final Set<String> TRIGGER_KEYS = Set.of("conf", "dag_run_id", "data_interval_end",
      "data_interval_start", "logical_date", "note", "partition_key", "run_after");

  @Inject DagCatalog catalog;
  @Inject DagViews dags;
  @Inject RunRepository runs;
  @Inject RunViews views;
  @Inject DagRunService service;
  @Inject DagRunListing listing;
  @Inject RunAnnotations annotations;
  @Inject CurrentUser currentUser;
  @Inject ObjectMapper json;
  @Inject ApiSettings settings;

  /** Airflow 3.3's parameters this API cannot honour: refused, never silently ignored. */
  static final Map<String, String> UNSUPPORTED = Map.of(
      "cursor", "keyset pagination is not supported here; page with offset and limit",
      "consuming_asset_pattern", "runs are not linked to asset events here (data-triggered"
          + " runs have run_type asset_triggered)");

  @GET
  public DagRunCollection list(@PathParam("dag_id") String dagId, @Context UriInfo uri) {
    MultivaluedMap<String, String> q = uri.getQueryParameters();
    Params.refuse(q, UNSUPPORTED);
    boolean all = dagId.equals("~");
    if (!all) dags.require(dagId);
    int lim = Params.limit(q.getFirst("limit"));
    int off = Params.offset(q.getFirst("offset"));
    List<String> orderBy = q.getOrDefault("order_by", List.of());
    return listing.list(all ? Set.of() : Set.of(dagId), FilterSource.query(q), orderBy, off, lim);
  }

  @POST
  @Consumes(MediaType.WILDCARD)
  public DagRun trigger(@PathParam("dag_id") String dagId, String body) {
    JsonBody b = JsonBody.parse(body, json, TRIGGER_KEYS);
    b.require("logical_date");
    String runId = b.string("dag_run_id");
    Map<String, Object> badId = runId == null ? null : RunIds.problem(runId);
    if (badId != null) b.error(badId);
    var t = new DagRunService.Trigger(runId, b.time("logical_date"), b.time("run_after"),
        b.time("data_interval_start"), b.time("data_interval_end"),
        b.object("conf", settings.maxConfBytes(), ApiSettings.MAX_CONF_BYTES),
        b.string("note", NOTE_MAX),
        // Bounded as ids are: it is stored in the memo and shown, never parsed.
        b.string("partition_key", RunIds.MAX_LENGTH));
    if ((t.dataIntervalStart() == null) != (t.dataIntervalEnd() == null)) {
      b.error("value_error", "data_interval_start",
          "Value error, Either both data_interval_start and data_interval_end must be provided or both must be None", null);
    }
    b.done();
    DagDefinition dag = dags.require(dagId);
    return service.trigger(dag, t, currentUser.name());
  }

  @GET
  @Path("/{dag_run_id}")
  public DagRun get(@PathParam("dag_id") String dagId, @PathParam("dag_run_id") String runId) {
    return views.dagRun(require(dagId, runId));
  }

  @PATCH
  @Path("/{dag_run_id}")
  @Consumes(MediaType.WILDCARD)
  public DagRun patch(@PathParam("dag_id") String dagId, @PathParam("dag_run_id") String runId,
      @QueryParam("update_mask") List<String> mask,
      String body) {
    JsonBody b = JsonBody.parse(body, json, Set.of("state", "note"));
    String state = b.string("state");
    String note = b.string("note", NOTE_MAX);
    if (state != null && !Set.of("queued", "success", "failed").contains(state)) {
      b.error("enum", "state", "Input should be 'queued', 'success' or 'failed'", state);
    }
    b.done();
    DagDefinition dag = dags.require(dagId);
    RunRecord run = require(dagId, runId);
    boolean all = mask.isEmpty();
    if ((all || mask.contains("note")) && b.has("note")) annotations.setNote(run.workflowId(), note);
    if ((all || mask.contains("state")) && state != null) {
      String current = views.snapshot(run).state();
      switch (state) {
        case "failed" -> {
          if (run.open()) {
            runs.cancel(run);
            run = awaitClose(dagId, runId, run);
            // No worker took the cancel: nothing of it ran, so ending it outright loses nothing.
            if (run.open() && views.snapshot(run).state().equals("queued")) {
              runs.terminate(run, "DAG run set to failed through the API before it started");
              run = awaitClose(dagId, runId, run);
            }
          }
        }
        case "queued" -> {
          if (!run.open()) {
            service.restart(dag, run, currentUser.name());
            run = require(dagId, runId);
          }
        }
        default -> {
          if (!current.equals("success")) {
            throw ApiException.badRequest("Dag run `" + runId + "` is " + current
                + "; a run becomes success only by running to the end (clear it to run again)");
          }
        }
      }
    }
    return views.dagRun(run);
  }

  /** A cancelled workflow closes once its worker has seen the request; wait a little for it. */
  private RunRecord awaitClose(String dagId, String runId, RunRecord run) {
    long deadline = System.nanoTime() + 5_000_000_000L;
    RunRecord latest = run;
    while (latest.open() && System.nanoTime() < deadline) {
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      latest = runs.find(dagId, runId).orElse(latest);
    }
    return latest;
  }

  @DELETE
  @Path("/{dag_run_id}")
  public Response delete(@PathParam("dag_id") String dagId, @PathParam("dag_run_id") String runId) {
    dags.require(dagId);
    RunRecord run = require(dagId, runId);
    if (run.open()) runs.terminate(run, "DAG run deleted through the API");
    runs.deleteExecution(run);
    Instant at = Instant.now();
    annotations.markDeleted(run.workflowId(), at.isAfter(run.started()) ? at : run.started());
    return Response.noContent().build();
  }

  @POST
  @Path("/{dag_run_id}/clear")
  @Consumes(MediaType.WILDCARD)
  public Object clear(@PathParam("dag_id") String dagId, @PathParam("dag_run_id") String runId, String body) {
    JsonBody b = JsonBody.parse(body, json, Set.of("dry_run", "note", "only_failed", "only_new",
        "run_on_latest_version"));
    // DAGRunClearBody: bool fields with defaults (null is a 422 there), a nullable note.
    Boolean dryRun = b.strictBool("dry_run");
    b.strictBool("only_failed");
    b.strictBool("only_new");
    b.strictBool("run_on_latest_version");
    String note = b.string("note", NOTE_MAX);
    b.done();
    DagDefinition dag = dags.require(dagId);
    RunRecord run = require(dagId, runId);
    if (dryRun == null || dryRun) {
      var tis = views.taskInstances(views.snapshot(run));
      return new AirflowModels.TaskInstanceCollection(tis, tis.size());
    }
    DagRun restarted = service.restart(dag, run, currentUser.name());
    if (note != null) annotations.setNote(run.workflowId(), note);
    return note == null ? restarted : views.dagRun(require(dagId, runId));
  }

  RunRecord require(String dagId, String runId) {
    if (!dagId.equals("~") && catalog.get(dagId).isEmpty()) dags.require(dagId);
    Optional<RunRecord> r = RunIds.addressable(dagId, runId) ? runs.find(dagId, runId)
        : Optional.empty();
    return r.orElseThrow(() -> ApiException.notFound("The DagRun with dag_id: `" + dagId
        + "` and run_id: `" + runId + "` was not found"));
  }

}
