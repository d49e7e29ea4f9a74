package org.emoaudionet.api;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestMulti;
import org.jboss.resteasy.reactive.RestStreamElementType;

/**
 * {@code GET .../dagRuns/{dag_run_id}/wait} (Airflow 3.1, experimental): the run's state as
 * NDJSON until it is finished, as {@link DagRunWaiter} polls it.
 */
@Path("/api/v2/dags/{dag_id}/dagRuns/{dag_run_id}/wait")
public class DagRunWaitResource {
  static final String NDJSON = "application/x-ndjson";

  @Inject DagRunWaiter waiter;

  @GET
  @Blocking
  @Produces(NDJSON)
  @RestStreamElementType(MediaType.APPLICATION_JSON)
  public RestMulti<Map<String, Object>> waitFor(@PathParam("dag_id") String dagId,
      @PathParam("dag_run_id") String runId, @QueryParam("interval") String intervalRaw,
      @QueryParam("result") List<String> result, @Context ContainerRequestContext request) {
    Multi<Map<String, Object>> lines = waiter.lines(dagId, runId, interval(intervalRaw),
        result);
    var stream = RestMulti.fromMultiData(lines);
    if (request.getProperty(WaitStreamHeaders.JSON_ONLY) != null) {
      stream.header(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON);
    }
    return stream.build();
  }

  /** {@code interval}: a required number of seconds, greater than 0. */
  private static double interval(String raw) {
    if (raw == null) {
      throw ApiException.invalid("missing", List.of("query", "interval"), "Field required", null);
    }
    double v;
    try {
      v = new BigDecimal(raw.strip()).doubleValue();
    } catch (NumberFormatException e) {
      throw ApiException.invalid("float_parsing", List.of("query", "interval"),
          "Input should be a valid number, unable to parse string as a number", raw);
    }
    if (!(v > 0)) {
      throw ApiException.invalid("greater_than", List.of("query", "interval"),
          "Input should be greater than 0", raw);
    }
    return v;
  }
}
