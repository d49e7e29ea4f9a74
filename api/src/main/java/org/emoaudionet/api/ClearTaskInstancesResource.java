package org.emoaudionet.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.emoaudionet.api.AirflowModels.TaskInstanceCollection;

/** {@code POST /api/v2/dags/{dag_id}/clearTaskInstances}: see {@link TaskClearService}. */
@Path("/api/v2/dags/{dag_id}/clearTaskInstances")
@Produces(MediaType.APPLICATION_JSON)
public class ClearTaskInstancesResource {
  @Inject TaskClearService clears;
  @Inject CurrentUser currentUser;
  @Inject ObjectMapper json;

  @POST
  @Consumes(MediaType.WILDCARD)
  public TaskInstanceCollection clear(@PathParam("dag_id") String dagId,
      String body) {
    ClearTasksRequest req = ClearTasksRequest.parse(body, json);
    return clears.clear(dagId, req, currentUser.name());
  }
}
