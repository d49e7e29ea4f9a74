package org.emoaudionet.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Airflow streams {@code GET .../wait} whatever the request's Accept says, without a media type
 * of its own; the official client asks for {@code application/json} only and reads the body as
 * JSON (one line: the run had finished). So the stream is served to every Accept, labelled
 * {@code application/x-ndjson} for clients that ask for it and {@code application/json} else
 * (the resource sets that header: {@link #JSON_ONLY}).
 */
public class WaitStreamHeaders {
  static final String JSON_ONLY = "emo.wait.json-only";

  @ServerRequestFilter(preMatching = true)
  public void accept(ContainerRequestContext ctx) {
    if (!isWait(ctx)) return;
    String accept = ctx.getHeaderString(HttpHeaders.ACCEPT);
    if (accept == null || !accept.contains(DagRunWaitResource.NDJSON)) {
      ctx.setProperty(JSON_ONLY, Boolean.TRUE);
    }
    ctx.getHeaders().putSingle(HttpHeaders.ACCEPT, DagRunWaitResource.NDJSON);
  }

  private static boolean isWait(ContainerRequestContext ctx) {
    return "GET".equals(ctx.getMethod()) && ctx.getUriInfo().getPath().endsWith("/wait");
  }
}
