package org.emoaudionet.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.emoaudionet.api.CatalogModels.Config;
import org.emoaudionet.api.CatalogModels.ConfigSection;

/**
 * {@code /api/v2/config}, read-only: the platform's settings with secrets hidden (PlatformConfig).
 * Served unless {@code EMO_API_EXPOSE_CONFIG=false}, then 403 with Airflow's words.
 */
@Path("/api/v2/config")
public class ConfigResource {
  @Inject PlatformConfig config;

  @GET
  public Response get(@QueryParam("section") String section, @HeaderParam("Accept") String accept) {
    boolean text = AcceptJsonOrText.text(accept);
    checkExposed();
    List<ConfigSection> sections = config.sections();
    if (section != null && !section.isEmpty()) {
      sections = sections.stream().filter(s -> s.name().equals(section)).toList();
      if (sections.isEmpty()) throw ApiException.notFound("Section " + section + " not found.");
    }
    return answer(new Config(sections), text);
  }

  @GET
  @Path("/section/{section}/option/{option}")
  public Response option(@PathParam("section") String section,
      @PathParam("option") String option, @HeaderParam("Accept") String accept) {
    boolean text = AcceptJsonOrText.text(accept);
    checkExposed();
    ConfigSection found = config.sections().stream().filter(s -> s.name().equals(section))
        .findFirst().flatMap(s -> s.options().stream().filter(o -> o.key().equals(option)).findFirst()
            .map(o -> new ConfigSection(section, List.of(o))))
        .orElseThrow(() -> ApiException.notFound("Option [" + section + "/" + option + "] not found."));
    return answer(new Config(List.of(found)), text);
  }

  private void checkExposed() {
    if (!config.exposed()) {
      throw new ApiException(403, "Your Airflow administrator chose not to expose the"
          + " configuration, most likely for security reasons.");
    }
  }

  private static Response answer(Config c, boolean text) {
    return text ? Response.ok(c.text(), MediaType.TEXT_PLAIN_TYPE.withCharset("utf-8")).build()
        : Response.ok(c, MediaType.APPLICATION_JSON_TYPE).build();
  }
}
