package org.emoaudionet.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Airflow 3's token endpoints (simple auth manager): {@code POST /auth/token}, JSON or form, and
 * {@code POST /auth/token/cli} for airflowctl.
 */
@Path("/auth/token")
public class AuthResource {
  @Inject LoginService logins;
  @Inject ObjectMapper json;
  @Inject ApiSettings settings;

  @POST
  @Consumes(MediaType.WILDCARD)
  @Produces(MediaType.APPLICATION_JSON)
  public Response token(@HeaderParam("Content-Type") String contentType,
      @Context HttpServerRequest request, String body) {
    return login(contentType, request, body, settings.jwtExpirySeconds());
  }

  /**
   * Airflow 3's {@code POST /auth/token/cli}, what {@code airflowctl auth login --username
   * --password} calls: the same login, a shorter-lived token ({@code emo.jwt.cli-expiry-seconds}).
   */
  @POST
  @Path("/cli")
  @Consumes(MediaType.WILDCARD)
  @Produces(MediaType.APPLICATION_JSON)
  public Response cliToken(@HeaderParam("Content-Type") String contentType,
      @Context HttpServerRequest request, String body) {
    return login(contentType, request, body, settings.jwtCliExpirySeconds());
  }

  private Response login(String contentType, HttpServerRequest request, String body,
      long lifetimeSeconds) {
    LoginRequest req = LoginRequest.parse(contentType, body, json);
    // The socket's peer; behind a proxy, Quarkus puts the forwarded client here only when
    // quarkus.http.proxy.proxy-address-forwarding is on (a header alone is not trusted).
    String address = request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
    return Response.status(201).entity(logins.login(req, address, lifetimeSeconds)).build();
  }
}
