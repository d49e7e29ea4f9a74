package org.emoaudionet.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Every {@code /api/v2} call but health, version and the OpenAPI document, and every
 * {@code /api/emo} call (model serving), needs {@code Authorization: Bearer <JWT>}.
 */
public class BearerAuthFilter {
  static final String USER_PROPERTY = "emo.user";
  private static final Set<String> PUBLIC = Set.of("/api/v2/monitor/health", "/api/v2/version",
      OpenApiResource.V2_PATH);

  @Inject JwtCodec jwt;
  @Inject CurrentUser currentUser;

  @ServerRequestFilter
  public Optional<Response> authenticate(ContainerRequestContext ctx) {
    String path = "/" + ctx.getUriInfo().getPath().replaceAll("^/+", "");
    if (!(path.startsWith("/api/v2") || path.startsWith("/api/emo")) || PUBLIC.contains(path.replaceAll("/+$", ""))) {
      return Optional.empty();
    }
    String header = ctx.getHeaderString(HttpHeaders.AUTHORIZATION);
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return Optional.of(unauthorized("Not authenticated"));
    }
    Optional<String> user = jwt.verify(header.substring(7).strip());
    if (user.isEmpty()) return Optional.of(unauthorized("Invalid JWT token"));
    ctx.setProperty(USER_PROPERTY, user.get());
    currentUser.set(user.get());
    return Optional.empty();
  }

  private static Response unauthorized(String detail) {
    return Response.status(401).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
        .type(MediaType.APPLICATION_JSON).entity(Map.of("detail", detail)).build();
  }
}
