package org.emoaudionet.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.emoaudionet.data.TaskSpec;

/**
 * Reading the JSON manifests next to a model ({@code model.json}, {@code keras.json}): every
 * error names the file and the field, so a hand-written manifest is easy to fix.
 */
final class ManifestJson {
  private ManifestJson() {}

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The file's JSON, refused unless its {@code format} is {@code format}. */
  static JsonNode read(Path file, String format) throws IOException {
    JsonNode root;
    try {
      root = JSON.readTree(Files.readString(file));
    } catch (IOException e) {
      throw new IOException(file + ": malformed JSON: " + e.getMessage(), e);
    }
    if (!format.equals(root.path("format").asText())) {
      throw new IOException(file + ": format '" + root.path("format").asText() + "', expected " + format);
    }
    return root;
  }

  /** The {@code task} object: name, classes and, for ordinal tasks, bin centres and edges. */
  static TaskSpec task(JsonNode root, Path file) throws IOException {
    JsonNode t = require(root, "task", file);
    List<String> classes = new ArrayList<>();
    require(t, "classes", file).forEach(c -> classes.add(c.asText()));
    return new TaskSpec(require(t, "name", file).asText(), classes,
        doubles(t.get("binCenters")), doubles(t.get("binEdges")));
  }

  static JsonNode require(JsonNode node, String field, Path file) throws IOException {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) throw new IOException(file + ": missing field '" + field + "'");
    return v;
  }

  static double[] doubles(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) return null;
    double[] a = new double[node.size()];
    for (int i = 0; i < a.length; i++) a[i] = node.get(i).asDouble();
    return a;
  }
}
