package org.emoaudionet.api;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.emoaudionet.api.AirflowModels.Token;

/**
 * Airflow 3's token endpoints (simple auth manager): {@code POST /auth/token}, JSON or form, and
 * {@code POST /auth/token/cli} for airflowctl.
 */
@Path("/auth/token")
public class AuthResource {
  @Inject Credentials credentials;
  @Inject JwtCodec jwt;
  @Inject ObjectMapper json;
  @Inject LoginThrottle throttle;
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
    Map<String, String> fields = contentType != null
        && contentType.toLowerCase().startsWith(MediaType.APPLICATION_FORM_URLENCODED)
        ? form(body) : jsonBody(body);
    List<Map<String, Object>> missing = new ArrayList<>();
    for (String k : List.of("username", "password")) {
      if (fields.get(k) == null) {
        missing.add(ApiException.item("missing", List.of("body", k), "Field required", null));
      }
    }
    if (!missing.isEmpty()) throw ApiException.invalid(missing);
    String user = fields.get("username");
    // The socket's peer; behind a proxy, Quarkus puts the forwarded client here only when
    // quarkus.http.proxy.proxy-address-forwarding is on (a header alone is not trusted).
    String address = request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
    // Checked before the password, so that a guess during the back-off learns nothing.
    var wait = throttle.retryAfter(user, address);
    if (wait.isPresent()) {
      throw ApiException.tooManyRequests("Too many failed logins; try again in " + wait.get()
          + " s", wait.get());
    }
    if (!credentials.matches(user, fields.get("password"))) {
      throttle.failed(user, address);
      throw new ApiException(401, "Invalid credentials");
    }
    throttle.succeeded(user, address);
    return Response.status(201).entity(new Token(jwt.issue(user, lifetimeSeconds))).build();
  }

  private Map<String, String> jsonBody(String body) {
    JsonNode node;
    try {
      node = json.readTree(body == null || body.isBlank() ? "{}" : body);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw ApiException.invalid("json_invalid", List.of("body"), "JSON decode error: "
          + e.getOriginalMessage(), body);
    }
    if (!node.isObject()) {
      throw ApiException.invalid("model_attributes_type", List.of("body"),
          "Input should be a valid dictionary or object", body);
    }
    Map<String, String> out = new HashMap<>();
    for (String k : List.of("username", "password")) {
      JsonNode v = node.get(k);
      if (v != null) {
        // LoginBody's fields are plain str: null is a wrong type, as a number is.
        if (!v.isTextual()) {
          throw ApiException.invalid("string_type", List.of("body", k), "Input should be a valid string",
              json.convertValue(v, Object.class));
        }
        out.put(k, v.asText());
      }
    }
    return out;
  }

  private static Map<String, String> form(String body) {
    Map<String, String> out = new HashMap<>();
    if (body == null) return out;
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      if (eq <= 0) continue;
      try {
        out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      } catch (IllegalArgumentException badEscape) { // "%zz": the client's mistake, not a 500
        throw ApiException.invalid("value_error", List.of("body"),
            "Value error, the form body is not URL-encoded: " + badEscape.getMessage(), null);
      }
    }
    return out;
  }
}
