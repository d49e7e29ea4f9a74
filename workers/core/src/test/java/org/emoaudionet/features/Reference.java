package org.emoaudionet.features;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Loads the fixtures made by src/test/python/make_reference_features.py (classpath /reference). */
final class Reference {
  static final int SR = 44_100;
  static final String[] SIGNALS = {"vowel_male", "vowel_female", "fricative_burst", "short", "tiny"};

  private Reference() {}

  static Npy.NpyArray load(String name) {
    String res = "/reference/" + name + ".npy";
    try (InputStream in = Reference.class.getResourceAsStream(res)) {
      if (in == null) throw new IllegalStateException("missing test fixture " + res);
      return Npy.read(in, res);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static float[] signal(String name) {
    return load(name + "_signal").floats();
  }

  /** A pure tone, synthetic. */
  static float[] tone(double hz, double seconds, double amplitude) {
    int n = (int) Math.round(seconds * SR);
    float[] y = new float[n];
    for (int i = 0; i < n; i++) y[i] = (float) (amplitude * Math.sin(2 * Math.PI * hz * i / SR));
    return y;
  }
}
