package org.emoaudionet.api;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every error leaves as JSON {@code {"detail": ...}}, as Airflow's FastAPI server answers. */
public class ErrorMappers {
  private static final Logger LOG = Logger.getLogger(ErrorMappers.class);

  @ServerExceptionMapper
  public Response api(ApiException e) {
    Response.ResponseBuilder r = Response.status(e.status()).type(MediaType.APPLICATION_JSON)
        .entity(Map.of("detail", e.detail()));
    e.headers().forEach(r::header);
    return r.build();
  }

  @ServerExceptionMapper
  public Response web(WebApplicationException e) {
    int status = e.getResponse().getStatus();
    String text = switch (status) {
      case 404 -> "Not Found";
      case 405 -> "Method Not Allowed";
      case 415 -> "Unsupported Media Type";
      case 406 -> "Not Acceptable";
      default -> e.getMessage();
    };
    return body(status, text);
  }

  @ServerExceptionMapper
  public Response temporalDown(io.grpc.StatusRuntimeException e) {
    if (rateLimited(e)) return tooManyRequests(e);
    LOG.warn("Temporal call failed", e);
    return body(503, "Temporal is not reachable: " + e.getStatus().getCode() + " "
        + e.getStatus().getDescription());
  }

  @ServerExceptionMapper
  public Response temporalClient(io.temporal.client.WorkflowServiceException e) {
    Throwable cause = e.getCause() != null ? e.getCause() : e;
    if (cause instanceof io.grpc.StatusRuntimeException s && rateLimited(s)) return tooManyRequests(s);
    LOG.warn("Temporal client call failed", e);
    return body(503, "Temporal call failed: " + cause.getMessage());
  }

  /**
   * Temporal's namespace rate limit still hit after {@link RateLimitRetry}'s back-off: the server
   * is up but busy, so the client is told to slow down and when to retry (429, as Airflow answers
   * a throttled call), not that the service is gone.
   */
  static boolean rateLimited(io.grpc.StatusRuntimeException e) {
    return e.getStatus().getCode() == io.grpc.Status.Code.RESOURCE_EXHAUSTED;
  }

  static Response tooManyRequests(io.grpc.StatusRuntimeException e) {
    LOG.warnf("Temporal rate limit: %s", e.getStatus().getDescription());
    return Response.status(429).type(MediaType.APPLICATION_JSON).header("Retry-After", RETRY_AFTER_SECONDS)
        .entity(Map.of("detail", "Temporal's rate limit was exceeded (" + e.getStatus().getDescription()
            + "); retry after " + RETRY_AFTER_SECONDS + " s")).build();
  }

  /** Temporal's limit is a token bucket refilled every second. */
  static final int RETRY_AFTER_SECONDS = 1;

  static Response body(int status, Object detail) {
    return Response.status(status).type(MediaType.APPLICATION_JSON)
        .entity(Map.of("detail", detail)).build();
  }
}
