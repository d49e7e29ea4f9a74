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
    LOG.warn("Temporal call failed", e);
    return body(503, "Temporal is not reachable: " + e.getStatus().getCode() + " "
        + e.getStatus().getDescription());
  }

  @ServerExceptionMapper
  public Response temporalClient(io.temporal.client.WorkflowServiceException e) {
    LOG.warn("Temporal client call failed", e);
    Throwable cause = e.getCause() != null ? e.getCause() : e;
    return body(503, "Temporal call failed: " + cause.getMessage());
  }

  static Response body(int status, Object detail) {
    return Response.status(status).type(MediaType.APPLICATION_JSON)
        .entity(Map.of("detail", detail)).build();
  }
}
