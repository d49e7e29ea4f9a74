package org.emoaudionet.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;

/**
 * {@code DELETE .../dagRuns/{dag_run_id}}: a running workflow is terminated, then its execution
 * deleted; the run is also marked deleted in {@link RunAnnotations}, since a Temporal test
 * server keeps deleted executions and would list them again.
 */
@ApplicationScoped
public class DagRunDeletion {
  @Inject DagViews dags;
  @Inject DagRunLookup lookup;
  @Inject RunRepository runs;
  @Inject RunAnnotations annotations;

  void delete(String dagId, String runId) {
    dags.require(dagId);
    RunRecord run = lookup.require(dagId, runId);
    if (run.open()) runs.terminate(run, "DAG run deleted through the API");
    runs.deleteExecution(run);
    // hides this execution and no later one: a run triggered again under the id shows
    Instant at = Instant.now();
    annotations.markDeleted(run.workflowId(), at.isAfter(run.started()) ? at : run.started());
  }
}
