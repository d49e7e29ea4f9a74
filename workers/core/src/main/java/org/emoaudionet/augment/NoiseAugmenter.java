package org.emoaudionet.augment;

import java.util.Random;

/**
 * Additive Gaussian noise as nlpaug's {@code NoiseAug} in the authors' code: z = x + α·n with n
 * standard normal. The result is not clipped (nlpaug does not clip either). Seeded with {@link
 * Random}, whose Gaussian sequence is specified by the JDK, so a seed gives the same noise on
 * every platform.
 */
public final class NoiseAugmenter {
  private NoiseAugmenter() {}

  public static float[] addNoise(float[] x, double alpha, long seed) {
    if (!(alpha >= 0) || Double.isInfinite(alpha)) {
      throw new IllegalArgumentException("noise alpha must be finite and >= 0, got " + alpha);
    }
    Random rng = new Random(seed);
    float[] z = new float[x.length];
    for (int i = 0; i < x.length; i++) {
      z[i] = (float) (x[i] + alpha * rng.nextGaussian());
    }
    return z;
  }
}
