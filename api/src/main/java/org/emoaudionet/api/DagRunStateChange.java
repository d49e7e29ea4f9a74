package org.emoaudionet.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.emoaudionet.api.AirflowModels.DagRun;
import org.emoaudionet.workflows.dag.DagDefinition;

/**
 * {@code PATCH .../dagRuns/{dag_run_id}}: a note and a state set by a client, as Temporal can
 * carry them out. {@code failed} cancels the workflow (terminates it if no worker took the
 * cancel, as nothing of it ran), {@code queued} starts a closed run again, {@code success} is
 * only accepted for a run that is already a success: a run gets there by running to the end.
 */
@ApplicationScoped
public class DagRunStateChange {
  /** How long a cancelled workflow gets to close before the answer says what it is. */
  private static final long CLOSE_WAIT_NANOS = 5_000_000_000L;
  private static final long CLOSE_POLL_MILLIS = 100;

  @Inject DagViews dags;
  @Inject DagRunLookup lookup;
  @Inject RunRepository runs;
  @Inject RunViews views;
  @Inject DagRunService service;
  @Inject RunAnnotations annotations;

  DagRun patch(String dagId, String runId, DagRunPatchRequest req, String user) {
    DagDefinition dag = dags.require(dagId);
    RunRecord run = lookup.require(dagId, runId);
    if (req.setsNote()) annotations.setNote(run.workflowId(), req.note());
    if (req.setsState()) run = setState(dag, dagId, runId, run, req.state(), user);
    return views.dagRun(run);
  }

  private RunRecord setState(DagDefinition dag, String dagId, String runId, RunRecord run,
      String state, String user) {
    switch (state) {
      case "failed" -> {
        if (!run.open()) return run;
        runs.cancel(run);
        RunRecord latest = awaitClose(dagId, runId, run);
        // No worker took the cancel: nothing of it ran, so ending it outright loses nothing.
        if (latest.open() && views.snapshot(latest).state().equals("queued")) {
          runs.terminate(latest, "DAG run set to failed through the API before it started");
          latest = awaitClose(dagId, runId, latest);
        }
        return latest;
      }
      case "queued" -> {
        if (run.open()) return run;
        service.restart(dag, run, user);
        return lookup.require(dagId, runId);
      }
      default -> {
        String current = views.snapshot(run).state();
        if (!current.equals("success")) {
          throw ApiException.badRequest("Dag run `" + runId + "` is " + current
              + "; a run becomes success only by running to the end (clear it to run again)");
        }
        return run;
      }
    }
  }

  /** A cancelled workflow closes once its worker has seen the request; wait a little for it. */
  private RunRecord awaitClose(String dagId, String runId, RunRecord run) {
    long deadline = System.nanoTime() + CLOSE_WAIT_NANOS;
    RunRecord latest = run;
    while (latest.open() && System.nanoTime() < deadline) {
      try {
        Thread.sleep(CLOSE_POLL_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      latest = runs.find(dagId, runId).orElse(latest);
    }
    return latest;
  }
}
