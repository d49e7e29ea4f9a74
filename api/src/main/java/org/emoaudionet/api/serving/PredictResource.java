package org.emoaudionet.api.serving;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.emoaudionet.api.ApiException;
import org.emoaudionet.audio.AudioFormatException;
import org.emoaudionet.data.TaskSpec;
import org.emoaudionet.pipeline.Predictor;
import org.emoaudionet.workflows.dag.ChampionPolicy;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * {@code POST /api/emo/models/{name}/predict}: scores uploaded recordings with a registered model
 * version — the {@code champion} alias unless {@code version} or {@code alias} says otherwise.
 * Every file is scored even when some are bad: if any is, the answer is 422 listing each bad
 * file (pydantic-style items) with the good files' predictions alongside.
 */
@Path("/api/emo/models")
public class PredictResource {
  /** Registered model names are {@code emoaudionet-<dag_id>} (MlflowTracker in the worker). */
  static final String MODEL_PREFIX = "emoaudionet-";

  @Inject ServingSettings settings;
  @Inject MlflowRegistry registry;
  @Inject LoadedModels models;

  @POST
  @Path("/{name}/predict")
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Produces(MediaType.APPLICATION_JSON)
  public Response predict(@RestPath String name, @RestQuery String version,
      @RestQuery String alias, @RestForm("files") List<FileUpload> files,
      @RestForm("file") List<FileUpload> file) throws IOException {
    List<Upload> uploads = uploads(files, file);
    checkLimits(uploads);
    ModelVersion mv = resolve(modelName(name), version, alias);
    String usedAlias = version == null ? (alias == null ? ChampionPolicy.ALIAS : alias) : null;
    try (LoadedModels.Lease lease = models.acquire(mv)) {
      TaskSpec task = lease.model().task();
      // within the serving limits; a file too short for one segment is refused, not padded
      Predictor predictor = new Predictor(lease.model(), settings.audioLimits());
      List<Map<String, Object>> predictions = new ArrayList<>();
      List<Map<String, Object>> bad = new ArrayList<>();
      for (Upload u : uploads) {
        try {
          predictions.add(view(u, predictor.predict(u.file().uploadedFile()), task));
        } catch (AudioFormatException | IllegalArgumentException e) {
          bad.add(ApiException.item("audio_format", List.of("body", u.field(), u.index()),
              u.describe(e), u.name()));
        }
      }
      Map<String, Object> body = new LinkedHashMap<>();
      if (!bad.isEmpty()) body.put("detail", bad);
      body.put("model", mv.name());
      body.put("version", mv.version());
      body.put("alias", usedAlias);
      body.put("task", task.name());
      body.put("classes", task.classes());
      body.put("predictions", predictions);
      return Response.status(bad.isEmpty() ? 200 : 422).type(MediaType.APPLICATION_JSON)
          .entity(body).build();
    }
  }

  /** A DAG id names its registered model {@code emoaudionet-<dag_id>}; a full name is kept. */
  static String modelName(String name) {
    return name.startsWith(MODEL_PREFIX) ? name : MODEL_PREFIX + name;
  }

  private ModelVersion resolve(String name, String version, String alias) {
    if (version != null && alias != null) {
      throw ApiException.invalid("value_error", List.of("query", "version"),
          "give version or alias, not both", version);
    }
    if (version != null) {
      if (version.equals("latest")) {
        return registry.latest(name).orElseThrow(() -> notFound(name,
            "registered model '" + name + "' has no versions"));
      }
      int n;
      try {
        n = Integer.parseInt(version);
      } catch (NumberFormatException e) {
        n = -1;
      }
      if (n < 1) {
        throw ApiException.invalid("int_parsing", List.of("query", "version"),
            "version must be a positive integer or 'latest'", version);
      }
      int wanted = n;
      return registry.byVersion(name, n).orElseThrow(() -> notFound(name,
          "registered model '" + name + "' has no version " + wanted));
    }
    String a = alias == null ? ChampionPolicy.ALIAS : alias;
    return registry.byAlias(name, a).orElseThrow(() -> notFound(name,
        "registered model '" + name + "' has no alias '" + a + "' (pass version=N or "
            + "version=latest)"));
  }

  private ApiException notFound(String name, String detail) {
    return ApiException.notFound(registry.exists(name) ? detail
        : "registered model '" + name + "' not found in MLflow");
  }

  private List<Upload> uploads(List<FileUpload> files, List<FileUpload> file) {
    List<Upload> out = new ArrayList<>();
    if (files != null) for (int i = 0; i < files.size(); i++) out.add(new Upload("files", i, files.get(i)));
    if (file != null) for (int i = 0; i < file.size(); i++) out.add(new Upload("file", i, file.get(i)));
    if (out.isEmpty()) {
      throw ApiException.invalid("missing", List.of("body", "files"),
          "Field required: one or more audio files as multipart field 'files' (or 'file')", null);
    }
    return out;
  }

  private void checkLimits(List<Upload> uploads) {
    if (uploads.size() > settings.maxFiles()) {
      throw new ApiException(413, uploads.size() + " files exceed " + ServingSettings.MAX_FILES
          + " = " + settings.maxFiles());
    }
    long total = 0;
    for (Upload u : uploads) {
      long size = u.file().size();
      if (size > settings.maxFileBytes()) {
        throw new ApiException(413, u.name() + " is " + size + " bytes, over "
            + ServingSettings.MAX_FILE_BYTES + " = " + settings.maxFileBytes() + " bytes");
      }
      total += size;
    }
    if (total > settings.maxRequestBytes()) {
      throw new ApiException(413, "the files total " + total + " bytes, over "
          + ServingSettings.MAX_REQUEST_BYTES + " = " + settings.maxRequestBytes() + " bytes");
    }
  }

  private static Map<String, Object> view(Upload u, Predictor.Prediction p, TaskSpec task) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("file", u.name());
    m.put("label", p.label());
    m.put("probabilities", p.probabilities());
    m.put("value", task.ordinal() ? p.value() : null);
    m.put("segments", p.segments());
    return m;
  }

  /** One uploaded part: the multipart field it came in, its position there, the file. */
  record Upload(String field, int index, FileUpload file) {
    String name() {
      String n = file.fileName();
      return n == null || n.isBlank() ? field + "[" + index + "]" : n;
    }

    /** The core names the file it read — here a temporary upload; say the client's name. */
    String describe(Exception e) {
      String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      msg = msg.replace(file.uploadedFile().toString(), name());
      return msg.startsWith(name()) ? msg : name() + ": " + msg;
    }
  }
}
