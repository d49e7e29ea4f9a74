package org.emoaudionet.api;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Every query parameter of every endpoint is at most {@link #MAX_CHARS} characters, so no
 * filter, pattern or sort key can make a request do work in proportion to a huge string. The
 * figure is Airflow's {@code ID_LEN}: no dag_id, run_id or tag it could match is longer.
 * Runs after authentication, so an anonymous caller learns nothing but 401.
 */
public class QueryLimits {
  static final int MAX_CHARS = 250;

  @ServerRequestFilter(priority = Priorities.USER + 100)
  public Optional<Response> check(ContainerRequestContext ctx) {
    List<Map<String, Object>> errors = new ArrayList<>();
    ctx.getUriInfo().getQueryParameters().forEach((name, values) -> {
      for (String v : values) {
        if (v.length() > MAX_CHARS) {
          errors.add(ApiException.item("string_too_long", List.of("query", name),
              "String should have at most " + MAX_CHARS + " characters", v));
          break;
        }
      }
    });
    return errors.isEmpty() ? Optional.empty() : Optional.of(ErrorMappers.body(422, errors));
  }
}
