package org.emoaudionet.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.client.WorkflowServiceException;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Temporal being busy is a 429 with Retry-After; Temporal being gone stays a 503. */
class ErrorMappersTest {
  private final ErrorMappers mappers = new ErrorMappers();

  private static String detail(Response r) {
    return String.valueOf(((Map<?, ?>) r.getEntity()).get("detail"));
  }

  @Test
  void aRateLimitIsA429WithRetryAfter() {
    StatusRuntimeException busy = Status.RESOURCE_EXHAUSTED
        .withDescription("namespace rate limit exceeded").asRuntimeException();
    Response r = mappers.temporalDown(busy);
    assertEquals(429, r.getStatus());
    assertEquals("1", String.valueOf(r.getHeaderString("Retry-After")));
    assertTrue(detail(r).contains("namespace rate limit exceeded"), detail(r));

    Response wrapped = mappers.temporalClient(new WorkflowServiceException(
        WorkflowExecution.newBuilder().setWorkflowId("w").build(), "EmoPipelineWorkflow", busy));
    assertEquals(429, wrapped.getStatus());
  }

  @Test
  void anUnreachableServerIsStillA503() {
    Response r = mappers.temporalDown(Status.UNAVAILABLE.withDescription("io exception").asRuntimeException());
    assertEquals(503, r.getStatus());
    assertTrue(detail(r).startsWith("Temporal is not reachable: UNAVAILABLE"), detail(r));
  }
}
