package org.emoaudionet.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import org.emoaudionet.api.AirflowModels.DagProcessorStatus;
import org.emoaudionet.api.AirflowModels.Health;
import org.emoaudionet.api.AirflowModels.SchedulerStatus;
import org.emoaudionet.api.AirflowModels.Status;
import org.emoaudionet.api.AirflowModels.TriggererStatus;
import org.emoaudionet.api.AirflowModels.Version;

/**
 * Airflow's health body. Temporal is both the run store ("metadatabase") and what schedules
 * tasks ("scheduler"); the DAGs are compiled in, so the "dag processor" is this process. There
 * is no triggerer: its status is null, as Airflow reports one that never ran.
 */
@Path("/api/v2")
@Produces(MediaType.APPLICATION_JSON)
public class MonitorResource {
  @Inject TemporalGateway temporal;
  private final Instant started = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);

  @GET
  @Path("/monitor/health")
  public Health health() {
    boolean up = temporal.reachable();
    String status = up ? "healthy" : "unhealthy";
    Instant seen = temporal.lastSeen();
    return new Health(new Status(status),
        new SchedulerStatus(status, seen == null ? null : seen.toString()),
        new TriggererStatus(null, null),
        new DagProcessorStatus("healthy", started.toString()));
  }

  @GET
  @Path("/version")
  public Version version() {
    String v = MonitorResource.class.getPackage().getImplementationVersion();
    // Airflow's clients parse the version with Python's packaging: PEP 440, not Maven's form.
    return new Version(Pep440.of(v == null ? "0.1.0-SNAPSHOT" : v), null);
  }
}
