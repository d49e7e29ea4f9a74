package org.emoaudionet.worker;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.emoaudionet.data.Split;
import org.emoaudionet.features.FeatureSource;
import org.emoaudionet.features.SegmentFeatures;

/**
 * A model's input example as MLflow saves one for a dict of tensors: {@value #FILE} holds
 * {@code {"mfcc": [[[...]]], "spectrogram": [[[[...]]]]}} (one segment: batch 1) and
 * {@value #SERVING_FILE} the same under {@code "inputs"}, the body MLflow's serving takes; MLmodel
 * names both in {@code saved_input_example_info} with type {@code ndarray}.
 *
 * <p>It is one real segment of the run's TEST split (the data the model is judged on, and never
 * trained on), as the model takes it: the MFCC values as preprocess made them, the image in [0, 1].
 * Only where that stays small ({@value #MAX_VALUES} values: the {@code small} preset's 12,465); a
 * larger preset's example (the paper's 150,705 values, ~1.5 MB of JSON twice) is left out and the
 * signature alone gives the shapes.
 */
record InputExample(SegmentFeatures segment, int mfccChannels, int mfccLength, int imageSize) {
  static final String FILE = "input_example.json";
  static final String SERVING_FILE = "serving_input_example.json";
  /** The signature's input names. */
  static final String MFCC = "mfcc";
  static final String SPECTROGRAM = "spectrogram";
  static final int MAX_VALUES = 20_000;

  /** The first TEST segment of {@code data} shaped for {@code flavor}; empty when too big or none. */
  static Optional<InputExample> of(FeatureSource<?> data, EmoFlavor flavor) {
    if (data == null) return Optional.empty();
    int values = flavor.mfccChannels() * flavor.mfccLength()
        + 3 * flavor.imageSize() * flavor.imageSize();
    if (values > MAX_VALUES) return Optional.empty();
    Optional<SegmentFeatures> first = data.first(Split.TEST);
    if (first.isEmpty()) return Optional.empty();
    SegmentFeatures s = first.get();
    if (values > MAX_VALUES || s.mfcc().length < flavor.mfccChannels() * flavor.mfccLength()
        || s.image().length != 3 * flavor.imageSize() * flavor.imageSize()) {
      return Optional.empty();
    }
    for (float v : s.mfcc()) {
      if (!Float.isFinite(v)) return Optional.empty(); // JSON has no NaN
    }
    return Optional.of(new InputExample(s, flavor.mfccChannels(), flavor.mfccLength(),
        flavor.imageSize()));
  }

  /** Writes both files into {@code dir}. */
  void write(Path dir) throws IOException {
    String tensors = tensorsJson();
    Files.writeString(dir.resolve(FILE), tensors, StandardCharsets.UTF_8);
    Files.writeString(dir.resolve(SERVING_FILE), "{\"inputs\": " + tensors + "}",
        StandardCharsets.UTF_8);
  }

  /** MLmodel's {@code saved_input_example_info}. */
  Map<String, Object> toMlmodel() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("artifact_path", FILE);
    m.put("serving_input_path", SERVING_FILE);
    m.put("type", "ndarray");
    return m;
  }

  /** Where the example comes from, for the flavour block. */
  String provenance() {
    return segment.recordingId() + " at " + segment.startSeconds() + " s ("
        + segment.split().wireName() + " split)";
  }

  String tensorsJson() {
    StringBuilder b = new StringBuilder(16 * 1024);
    b.append("{\"").append(MFCC).append("\": [[");
    float[] m = segment.mfcc();
    for (int c = 0; c < mfccChannels; c++) {
      if (c > 0) b.append(", ");
      b.append('[');
      for (int j = 0; j < mfccLength; j++) {
        if (j > 0) b.append(", ");
        b.append(m[c * mfccLength + j]);
      }
      b.append(']');
    }
    b.append("]], \"").append(SPECTROGRAM).append("\": [[");
    float[] img = segment.imageAsFloats();
    for (int c = 0; c < 3; c++) {
      if (c > 0) b.append(", ");
      b.append('[');
      for (int y = 0; y < imageSize; y++) {
        if (y > 0) b.append(", ");
        b.append('[');
        int row = (c * imageSize + y) * imageSize;
        for (int x = 0; x < imageSize; x++) {
          if (x > 0) b.append(", ");
          b.append(img[row + x]);
        }
        b.append(']');
      }
      b.append(']');
    }
    return b.append("]]}").toString();
  }
}
