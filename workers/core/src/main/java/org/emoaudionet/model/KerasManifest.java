package org.emoaudionet.model;

import static org.emoaudionet.model.ManifestJson.require;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.emoaudionet.config.PipelineConfig;
import org.emoaudionet.data.TaskSpec;

/**
 * The {@code keras.json} next to an imported SavedModel's {@code saved_model.pb}: what the
 * platform must know to feed it and read it, which a SavedModel does not say (class names, the
 * feature settings its inputs were made with, the tensor layouts). Written by whoever exports the
 * model; {@code workers/keras-reference/make_fixture.py} writes one.
 *
 * @param config the feature settings: the named preset with {@code imageSize} as the model needs
 * @param mfcc the signature input fed the MFCC vector, in layout {@code NCW} [B,1,L] or {@code NWC} [B,L,1]
 * @param image the signature input fed the RGB image in [0, 1], layout {@code NCHW} or {@code NHWC}
 * @param output the signature output read, {@code probabilities} (softmax applied by the model)
 *     or {@code logits}
 */
public record KerasManifest(
    TaskSpec task,
    PipelineConfig config,
    int mfccLength,
    MfccScaling mfccScaling,
    String tags,
    String signature,
    Input mfcc,
    Input image,
    Output output) {
  public static final String FILE = "keras.json";
  public static final String SAVED_MODEL = "saved_model.pb";
  public static final String FORMAT = "emoaudionet-keras/1";

  /** A signature input: its key and whether channels come first or last. */
  public record Input(String name, boolean channelsLast) {}

  /** The signature output read and whether it still needs a softmax. */
  public record Output(String name, boolean logits) {}


  public static KerasManifest read(Path modelDir) throws IOException {
    Path file = modelDir.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      throw new IOException(modelDir + ": no " + FILE + " next to " + SAVED_MODEL
          + " (it names the task, classes, preset and input layouts; see workers/keras-reference)");
    }
    JsonNode root = ManifestJson.read(file, FORMAT);
    try {
      TaskSpec task = ManifestJson.task(root, file);
      if (task.classes().size() < 2) {
        throw new IOException(file + ": task.classes needs >= 2 classes, got " + task.classes());
      }
      PipelineConfig preset = PipelineConfig.preset(require(root, "preset", file).asText());
      if (preset.model().mfccChannels() != 1) {
        throw new IOException(file + ": preset '" + preset.preset() + "' feeds " + preset.model().mfccChannels()
            + " MFCC channels; imported Keras models take the paper's single MFCC channel (preset paper or small)");
      }
      int imageSize = positive(root, "imageSize", file);
      int mfccLength = positive(root, "mfccLength", file);
      if (mfccLength > preset.audio().mfccFrames()) {
        throw new IOException(file + ": mfccLength " + mfccLength + " exceeds the "
            + preset.audio().mfccFrames() + " MFCC frames that preset '" + preset.preset() + "' extracts");
      }
      PipelineConfig.ModelConfig m = preset.model();
      PipelineConfig config = new PipelineConfig(preset.preset(), preset.audio(), preset.augment(),
          new PipelineConfig.ModelConfig(imageSize, m.channels(), m.dropout()), preset.train(), preset.split());
      JsonNode scaling = root.path("mfccScaling");
      MfccScaling mfccScaling = scaling.isObject()
          ? new MfccScaling(scaling.path("mean").asDouble(0), scaling.path("std").asDouble(1))
          : MfccScaling.IDENTITY;
      if (!(mfccScaling.std() > 0)) throw new IOException(file + ": mfccScaling.std must be > 0, got " + mfccScaling.std());
      JsonNode inputs = require(root, "inputs", file);
      Input mfcc = input(require(inputs, "mfcc", file), "inputs.mfcc", "NCW", "NWC", file);
      Input image = input(require(inputs, "image", file), "inputs.image", "NCHW", "NHWC", file);
      JsonNode out = require(root, "output", file);
      String kind = require(out, "kind", file).asText();
      if (!kind.equals("probabilities") && !kind.equals("logits")) {
        throw new IOException(file + ": output.kind '" + kind + "' (expected probabilities or logits)");
      }
      return new KerasManifest(task, config, mfccLength, mfccScaling,
          root.path("tags").asText("serve"), root.path("signature").asText("serving_default"), mfcc, image,
          new Output(require(out, "name", file).asText(), kind.equals("logits")));
    } catch (IllegalArgumentException e) {
      throw new IOException(file + ": " + e.getMessage(), e);
    }
  }

  private static Input input(JsonNode node, String field, String first, String last, Path file)
      throws IOException {
    String layout = require(node, "layout", file).asText().toUpperCase(Locale.ROOT);
    if (!layout.equals(first) && !layout.equals(last)) {
      throw new IOException(file + ": " + field + ".layout '" + layout + "' (expected " + first + " or " + last + ")");
    }
    return new Input(require(node, "name", file).asText(), layout.equals(last));
  }

  private static int positive(JsonNode node, String field, Path file) throws IOException {
    int v = require(node, field, file).asInt();
    if (v < 1) throw new IOException(file + ": " + field + " must be >= 1, got " + node.get(field));
    return v;
  }
}
