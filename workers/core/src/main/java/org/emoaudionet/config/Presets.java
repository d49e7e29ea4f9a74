package org.emoaudionet.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.emoaudionet.spec.PresetNames;

/**
 * Presets as named YAML files, like a SpeechBrain hparams file: every hyperparameter is a key.
 * Bundled ones are resources {@code presets/<name>.yaml}; a path ending in {@code .yaml} loads a
 * user's file. A file must name every key (a missing one is an error, so no default hides in
 * code) and no unknown key.
 */
final class Presets {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

  private Presets() {}

  static PipelineConfig load(String name) {
    if (name == null || name.isBlank()) throw new IllegalArgumentException("preset name is empty");
    String source;
    JsonNode tree;
    try {
      if (name.endsWith(".yaml") || name.endsWith(".yml")) {
        Path file = Path.of(name);
        if (!Files.isRegularFile(file)) throw new IllegalArgumentException("preset file " + file + " not found");
        source = file.toString();
        tree = YAML.readTree(file.toFile());
      } else {
        source = PresetNames.resource(name);
        try (InputStream in = Presets.class.getClassLoader().getResourceAsStream(source)) {
          if (in == null || !name.matches("[a-z0-9_-]+")) {
            throw new IllegalArgumentException("unknown preset '" + name + "' (expected one of "
                + PipelineConfig.PRESETS + " or a .yaml file)");
          }
          tree = YAML.readTree(in);
        }
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("preset '" + name + "' is not valid YAML: " + e.getMessage(), e);
    }
    PipelineConfig config;
    try {
      config = YAML.treeToValue(tree, PipelineConfig.class);
    } catch (IOException | IllegalArgumentException e) {
      Throwable root = e;
      while (root.getCause() != null && root.getCause() != root) root = root.getCause();
      throw new IllegalArgumentException(source + ": " + root.getMessage(), e);
    }
    for (String key : config.flatten().keySet()) {
      if (tree.at("/" + key.replace('.', '/')).isMissingNode()) {
        throw new IllegalArgumentException(source + ": missing key '" + key + "' (every hyperparameter is named)");
      }
    }
    return config;
  }
}
