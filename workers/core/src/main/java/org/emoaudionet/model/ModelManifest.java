package org.emoaudionet.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.emoaudionet.config.PipelineConfig;
import org.emoaudionet.data.TaskSpec;
import org.emoaudionet.spec.Architecture;

/**
 * The {@code model.json} of a model directory: what is needed to rebuild the network and to read
 * its outputs. The weights are in {@link #PARAMS_FILE} next to it.
 *
 * @param validation how the best epoch was selected ({@code val split} or a carved fraction)
 */
public record ModelManifest(
    Architecture architecture,
    TaskSpec task,
    PipelineConfig config,
    int mfccLength,
    int bestEpoch,
    double valAccuracy,
    long parameterCount,
    String validation,
    MfccScaling mfccScaling) {
  public static final String FILE = "model.json";
  public static final String PARAMS_FILE = "emoaudionet.params";
  public static final String FORMAT = "emoaudionet-model/1";

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  public String toJson() {
    ObjectNode root = JSON.createObjectNode();
    root.put("format", FORMAT);
    root.put("architecture", architecture.wireName());
    ObjectNode t = root.putObject("task");
    t.put("name", task.name());
    ArrayNode cls = t.putArray("classes");
    task.classes().forEach(cls::add);
    putDoubles(t, "binCenters", task.binCenters());
    putDoubles(t, "binEdges", task.binEdges());
    ArrayNode names = root.putArray("classNames");
    task.classes().forEach(names::add);
    root.put("imageSize", config.model().imageSize());
    root.put("channels", config.model().channels());
    root.put("mfccLength", mfccLength);
    root.put("bestEpoch", bestEpoch);
    root.put("valAccuracy", valAccuracy);
    root.put("parameterCount", parameterCount);
    root.put("parameters", PARAMS_FILE);
    root.put("validation", validation);
    ObjectNode sc = root.putObject("mfccScaling").put("mean", mfccScaling.mean()).put("std", mfccScaling.std());
    if (mfccScaling.channelMeans() != null) {
      putDoubles(sc, "channelMeans", mfccScaling.channelMeans());
      putDoubles(sc, "channelStds", mfccScaling.channelStds());
    }
    try {
      root.set("config", JSON.readTree(config.toJson()));
      return JSON.writeValueAsString(root);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public static ModelManifest read(Path modelDir) throws IOException {
    Path file = modelDir.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      throw new IOException(modelDir + ": not a model directory (no " + FILE + ")");
    }
    JsonNode root = ManifestJson.read(file, FORMAT);
    try {
      TaskSpec task = ManifestJson.task(root, file);
      PipelineConfig config = PipelineConfig.fromJson(ManifestJson.require(root, "config", file).toString());
      return new ModelManifest(Architecture.parse(ManifestJson.require(root, "architecture", file).asText()),
          task, config, ManifestJson.require(root, "mfccLength", file).asInt(), root.path("bestEpoch").asInt(),
          root.path("valAccuracy").asDouble(Double.NaN), root.path("parameterCount").asLong(),
          root.path("validation").asText(""),
          root.has("mfccScaling")
              ? new MfccScaling(root.path("mfccScaling").path("mean").asDouble(0),
                  root.path("mfccScaling").path("std").asDouble(1),
                  ManifestJson.doubles(root.path("mfccScaling").path("channelMeans")),
                  ManifestJson.doubles(root.path("mfccScaling").path("channelStds")))
              : MfccScaling.IDENTITY);
    } catch (IllegalArgumentException e) {
      throw new IOException(file + ": " + e.getMessage(), e);
    }
  }

  public void write(Path modelDir) throws IOException {
    Files.writeString(modelDir.resolve(FILE), toJson());
  }

  private static void putDoubles(ObjectNode node, String field, double[] a) {
    if (a == null) {
      node.putNull(field);
      return;
    }
    ArrayNode arr = node.putArray(field);
    for (double d : a) arr.add(d);
  }

}
