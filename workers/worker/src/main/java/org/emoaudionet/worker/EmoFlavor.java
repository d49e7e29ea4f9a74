package org.emoaudionet.worker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.emoaudionet.model.KerasManifest;
import org.emoaudionet.model.ModelManifest;

/**
 * The {@value #NAME} flavour of an MLmodel file: what a model folder of this platform is, read
 * from its own manifest ({@code model.json} of a network trained here, {@code keras.json} of an
 * imported SavedModel) without opening it. MLflow takes any flavour name; no
 * {@code python_function} flavour is claimed, since only {@code ScoringModels.load} (Java, DJL)
 * can run these models.
 *
 * @param format {@value RunTags#EMOAUDIONET} or {@value RunTags#KERAS}
 * @param architecture emoaudionet, mfcc or spectrogram; null for a SavedModel (it does not say)
 * @param manifest the file the loader reads first
 */
record EmoFlavor(String format, String architecture, String preset, String task,
    List<String> classes, int mfccChannels, int mfccLength, int imageSize, String manifest) {
  static final String NAME = "emoaudionet";
  /** The call that opens such a folder: what the flavour tells a reader to use. */
  static final String LOADER = "org.emoaudionet.model.ScoringModels.load";

  static EmoFlavor of(Path modelDir) throws IOException {
    if (Files.isRegularFile(modelDir.resolve(ModelManifest.FILE))) {
      ModelManifest m = ModelManifest.read(modelDir);
      return new EmoFlavor(RunTags.EMOAUDIONET, m.architecture().wireName(),
          m.config().preset(), m.task().name(), m.task().classes(),
          m.config().model().mfccChannels(), m.mfccLength(), m.config().model().imageSize(),
          ModelManifest.FILE);
    }
    KerasManifest k = KerasManifest.read(modelDir);
    // a SavedModel takes the paper's single MFCC channel (KerasManifest refuses others)
    return new EmoFlavor(RunTags.KERAS, null, k.config().preset(),
        k.task().name(), k.task().classes(), 1, k.mfccLength(), k.config().model().imageSize(),
        KerasManifest.FILE);
  }

  /** The flavour's block in MLmodel. */
  Map<String, Object> toMlmodel() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("model_format", format);
    if (architecture != null) m.put("architecture", architecture);
    m.put("preset", preset);
    m.put("task", task);
    m.put("classes", classes);
    Map<String, Object> inputs = new LinkedHashMap<>();
    inputs.put(InputExample.MFCC, List.of(mfccChannels, mfccLength));
    inputs.put(InputExample.SPECTROGRAM, List.of(3, imageSize, imageSize));
    m.put("inputs", inputs);
    m.put("mfcc_scaling", "applied by the model (see " + manifest + ")");
    m.put("manifest", manifest);
    m.put("loader", LOADER);
    return m;
  }
}
