package org.emoaudionet.features;

/** Input checks shared by the feature calculators. */
final class Signals {
  private Signals() {}

  /**
   * Refuses an empty signal or one holding NaN or infinity (librosa refuses them too); a single
   * bad sample would otherwise turn the whole feature into NaN without a word.
   */
  static void requireFinite(float[] y, String what) {
    if (y == null || y.length == 0) throw new IllegalArgumentException(what + " of an empty signal");
    for (int i = 0; i < y.length; i++) {
      if (!Float.isFinite(y[i])) {
        throw new IllegalArgumentException(what + ": sample " + i + " of " + y.length + " is " + y[i]);
      }
    }
  }
}
