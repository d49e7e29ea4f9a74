package org.emoaudionet.train;

import java.util.Random;
import org.emoaudionet.config.PipelineConfig.SpecAugmentConfig;
import org.emoaudionet.model.InputBatch;

/**
 * SpecAugment's time and frequency masking (Park et al., 2019) on a training batch, in place:
 * spans of time and bands of frequency are replaced by a neutral value so that the network cannot
 * lean on one cue at one place. The MFCC input is standardised, so its neutral value is 0 (the
 * training mean); an image span takes the mean of its own colour channel. Each branch draws its
 * own masks (the image shows only the centre of the window, so the same seconds are different
 * columns). Frequency bands on the MFCC input mask consecutive coefficients, and only where each
 * coefficient is its own channel. Seeded per epoch, so a resumed run draws the same masks.
 */
final class SpecAugment {
  private final SpecAugmentConfig config;
  private final Random rnd;

  SpecAugment(SpecAugmentConfig config, long seed) {
    this.config = config;
    this.rnd = new Random(seed);
  }

  void apply(InputBatch.Arrays in) {
    int l = in.mfccLength();
    int c = in.mfccChannels();
    int s = in.imageSize();
    for (int i = 0; i < in.batch(); i++) {
      int off = i * c * l;
      for (int m = 0; m < config.timeMasks(); m++) {
        int[] span = span(l, config.timeWidth());
        for (int ch = 0; ch < c; ch++) {
          java.util.Arrays.fill(in.mfcc(), off + ch * l + span[0], off + ch * l + span[1], 0f);
        }
      }
      if (c > 1) {
        for (int m = 0; m < config.frequencyMasks(); m++) {
          int[] band = span(c, config.frequencyWidth());
          java.util.Arrays.fill(in.mfcc(), off + band[0] * l, off + band[1] * l, 0f);
        }
      }
      int ioff = i * 3 * s * s;
      float[] mean = new float[3];
      for (int ch = 0; ch < 3; ch++) {
        double sum = 0;
        for (int j = 0; j < s * s; j++) sum += in.image()[ioff + ch * s * s + j];
        mean[ch] = (float) (sum / (s * s));
      }
      for (int m = 0; m < config.timeMasks(); m++) {
        int[] span = span(s, config.timeWidth());
        for (int ch = 0; ch < 3; ch++) {
          for (int row = 0; row < s; row++) {
            int base = ioff + (ch * s + row) * s;
            java.util.Arrays.fill(in.image(), base + span[0], base + span[1], mean[ch]);
          }
        }
      }
      for (int m = 0; m < config.frequencyMasks(); m++) {
        int[] band = span(s, config.frequencyWidth());
        for (int ch = 0; ch < 3; ch++) {
          java.util.Arrays.fill(in.image(), ioff + (ch * s + band[0]) * s, ioff + (ch * s + band[1]) * s, mean[ch]);
        }
      }
    }
  }

  /** [from, to): a width uniform in 0..round(share x n), at a uniform position. */
  private int[] span(int n, double share) {
    int max = (int) Math.round(share * n);
    int w = max <= 0 ? 0 : rnd.nextInt(max + 1);
    int from = rnd.nextInt(n - w + 1);
    return new int[] {from, from + w};
  }
}
