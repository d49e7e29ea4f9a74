package org.emoaudionet.model;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.emoaudionet.data.Split;
import org.emoaudionet.features.Npy;
import org.emoaudionet.features.SegmentFeatures;

/**
 * The committed Keras SavedModel and the inputs and outputs Keras recorded for it
 * ({@code workers/keras-reference/make_fixture.py}).
 */
final class KerasFixture {
  static final int IMAGE_SIZE = 64;
  static final int MFCC_LENGTH = 177;

  private KerasFixture() {}

  static Path modelDir() {
    return resource("/keras/emoaudionet-small");
  }

  /** Keras's softmax rows, one per fixed input. */
  static float[][] expected() throws IOException {
    double[][] m = Npy.read(resource("/keras/fixture-io/expected.npy")).matrix();
    float[][] out = new float[m.length][];
    for (int i = 0; i < m.length; i++) {
      out[i] = new float[m[i].length];
      for (int j = 0; j < m[i].length; j++) out[i][j] = (float) m[i][j];
    }
    return out;
  }

  /** The fixed inputs as our features: raw MFCC vectors and channel-major image bytes. */
  static List<SegmentFeatures> segments(Split split, int[] classes) throws IOException {
    Npy.NpyArray mfcc = Npy.read(resource("/keras/fixture-io/mfcc.npy"));
    Npy.NpyArray image = Npy.read(resource("/keras/fixture-io/image.npy"));
    int n = mfcc.shape()[0];
    int pixels = 3 * IMAGE_SIZE * IMAGE_SIZE;
    if (mfcc.shape()[1] != MFCC_LENGTH || image.size() != n * pixels) {
      throw new IllegalStateException("fixture shapes changed: regenerate with workers/keras-reference/generate.sh");
    }
    List<SegmentFeatures> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      float[] m = new float[MFCC_LENGTH];
      for (int j = 0; j < MFCC_LENGTH; j++) m[j] = (float) mfcc.data()[i * MFCC_LENGTH + j];
      byte[] img = new byte[pixels];
      for (int j = 0; j < pixels; j++) img[j] = (byte) (int) image.data()[i * pixels + j];
      out.add(new SegmentFeatures("fixture" + i, "spk" + (i % 2), 0.5 * i, split, classes[i], Double.NaN,
          m, img, "original"));
    }
    return out;
  }

  static Path resource(String name) {
    try {
      return Path.of(KerasFixture.class.getResource(name).toURI());
    } catch (URISyntaxException | NullPointerException e) {
      throw new IllegalStateException("test resource " + name + " missing", e);
    }
  }
}
