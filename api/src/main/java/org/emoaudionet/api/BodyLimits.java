package org.emoaudionet.api;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Request headers refused before any of the body is read: a declared {@code Content-Length} over
 * {@code emo.api.max-body-bytes} (413) on every endpoint but the uploads under {@code /api/emo}
 * (RequestSizeGuard keeps their larger limit), and a {@code Content-Encoding} other than
 * identity on every endpoint (415): nothing here inflates bodies, and a compressed body read as
 * JSON or multipart would only fail later, less clearly. Bodies without a length are counted as
 * they are read (BodyStreamLimit).
 */
@ApplicationScoped
public class BodyLimits {
  static final String UPLOADS = "/api/emo/";

  @Inject ApiSettings settings;

  void install(@Observes Router router) {
    router.route().order(-110).handler(this::check);
  }

  private void check(RoutingContext ctx) {
    String encoding = ctx.request().getHeader(HttpHeaders.CONTENT_ENCODING);
    if (encoding != null && !encoding.isBlank() && !encoding.strip().equalsIgnoreCase("identity")) {
      refuse(ctx, 415, "Content-Encoding '" + encoding + "' is not supported: send the body"
          + " uncompressed (identity)");
      return;
    }
    if (!isUpload(ctx.normalizedPath())) {
      long declared = declaredLength(ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH));
      if (declared > settings.maxBodyBytes()) {
        refuse(ctx, 413, tooLarge(declared + " bytes", settings.maxBodyBytes()));
        return;
      }
    }
    ctx.next();
  }

  static boolean isUpload(String path) {
    return path != null && path.startsWith(UPLOADS);
  }

  static String tooLarge(String size, long limit) {
    return "request body of " + size + " is over " + ApiSettings.MAX_BODY_BYTES + " = " + limit
        + " bytes";
  }

  private static long declaredLength(String header) {
    try {
      return header == null ? -1 : Long.parseLong(header.strip());
    } catch (NumberFormatException e) {
      return -1; // Vert.x itself answers a malformed length with 400
    }
  }

  /** The connection closes: the client may still be sending the body we will not read. */
  private static void refuse(RoutingContext ctx, int status, String detail) {
    ctx.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
        .putHeader(HttpHeaders.CONNECTION, "close")
        .end(new JsonObject().put("detail", detail).encode());
  }
}
