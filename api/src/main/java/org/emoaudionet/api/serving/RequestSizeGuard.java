package org.emoaudionet.api.serving;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import io.vertx.core.json.JsonObject;

/**
 * Refuses a prediction request whose declared Content-Length is over
 * {@code emo.serving.max-request-bytes} before its body is read, with a 413 that names the limit.
 * (A chunked body without a length is stopped by {@code quarkus.http.limits.max-body-size}, set to
 * the same figure, whose 413 has no body.)
 */
@ApplicationScoped
public class RequestSizeGuard {
  @Inject ServingSettings settings;

  void install(@Observes Router router) {
    router.route("/api/emo/*").order(-100).handler(ctx -> {
      String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
      long declared;
      try {
        declared = length == null ? -1 : Long.parseLong(length.trim());
      } catch (NumberFormatException e) {
        declared = -1;
      }
      if (declared > settings.maxRequestBytes()) {
        ctx.response().setStatusCode(413).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
            .putHeader(HttpHeaders.CONNECTION, "close")
            .end(new JsonObject().put("detail", "request body of " + declared + " bytes is over "
                + ServingSettings.MAX_REQUEST_BYTES + " = " + settings.maxRequestBytes()
                + " bytes").encode());
        return;
      }
      ctx.next();
    });
  }
}
