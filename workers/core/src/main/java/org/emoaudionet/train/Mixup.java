package org.emoaudionet.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.emoaudionet.features.SegmentFeatures;

/**
 * mixup (Zhang et al., 2018): each training batch is blended with a permutation of itself,
 * inputs and one-hot targets alike, with one weight {@code lambda ~ Beta(alpha, alpha)} per batch.
 * On a few hundred clips from a few dozen speakers it keeps the network from memorising voices.
 * Seeded per epoch, so a resumed run draws the same pairs.
 */
final class Mixup {
  private final double alpha;
  private final Random rnd;

  Mixup(double alpha, long seed) {
    this.alpha = alpha;
    this.rnd = new Random(seed);
  }

  /** The partner of each batch position and the blend weight of the batch itself. */
  record Pairing(int[] permutation, float lambda) {
    List<SegmentFeatures> partners(List<SegmentFeatures> batch) {
      List<SegmentFeatures> out = new ArrayList<>(batch.size());
      for (int p : permutation) out.add(batch.get(p));
      return out;
    }

    int[] partners(int[] values) {
      int[] out = new int[values.length];
      for (int i = 0; i < out.length; i++) out[i] = values[permutation[i]];
      return out;
    }
  }

  Pairing next(int batchSize) {
    int[] perm = new int[batchSize];
    for (int i = 0; i < batchSize; i++) perm[i] = i;
    for (int i = batchSize - 1; i > 0; i--) {
      int j = rnd.nextInt(i + 1);
      int t = perm[i];
      perm[i] = perm[j];
      perm[j] = t;
    }
    double a = gamma(alpha);
    double b = gamma(alpha);
    float lambda = (float) (a + b == 0 ? 0.5 : a / (a + b));
    // The larger share stays with the batch's own targets (as in most implementations).
    return new Pairing(perm, Math.max(lambda, 1 - lambda));
  }

  /** Gamma(shape, 1) by Marsaglia and Tsang, boosted for shape < 1. */
  private double gamma(double shape) {
    if (shape < 1) return gamma(shape + 1) * Math.pow(rnd.nextDouble(), 1 / shape);
    double d = shape - 1.0 / 3, c = 1 / Math.sqrt(9 * d);
    while (true) {
      double x = rnd.nextGaussian();
      double v = 1 + c * x;
      if (v <= 0) continue;
      v = v * v * v;
      double u = rnd.nextDouble();
      if (u < 1 - 0.0331 * x * x * x * x || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
    }
  }
}
