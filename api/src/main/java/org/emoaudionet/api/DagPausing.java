package org.emoaudionet.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import org.emoaudionet.api.AirflowModels.Dag;
import org.emoaudionet.api.AirflowModels.DagCollection;
import org.emoaudionet.workflows.dag.DagDefinition;

/**
 * {@code PATCH /dags[/{dag_id}]}: pausing and resuming DAGs. The state is stored first (it is
 * what every process reads), then the DAG's Temporal schedule is brought in line; if that
 * fails the answer is a 503 saying so, and the API reconciles the schedule when it restarts.
 */
@ApplicationScoped
public class DagPausing {
  @Inject DagViews views;
  @Inject DagListing listing;
  @Inject DagStates states;
  @Inject DagSchedules schedules;

  Dag set(String dagId, boolean paused, String user) {
    DagDefinition d = views.require(dagId);
    setPaused(d, paused, user);
    return views.dag(d, paused, Instant.now());
  }

  /** Every DAG the selection, prefix and owners match, paged as a listing is. */
  DagCollection setMatching(DagSelection sel, String idPrefix, List<String> owners,
      boolean paused, String user, String limit, String offset) {
    Instant now = Instant.now();
    List<Dag> changed = listing.select(sel).stream()
        .filter(s -> OrderBy.prefix(idPrefix, s.dag().dagId()))
        .filter(s -> owners == null || owners.isEmpty() || owners.contains(DagViews.OWNER))
        .map(s -> {
          setPaused(s.dag(), paused, user);
          return views.dag(s.dag(), paused, now);
        }).toList();
    return DagListing.page(changed, limit, offset);
  }

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
}
