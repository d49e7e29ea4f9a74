package org.emoaudionet.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.emoaudionet.config.PipelineConfig.SpecAugmentConfig;
import org.emoaudionet.model.InputBatch;
import org.junit.jupiter.api.Test;

/** SpecAugment's masks on SYNTHETIC input arrays: where they fall, what they write, their seed. */
class SpecAugmentTest {
  private static InputBatch.Arrays batch(int channels, long seed) {
    Random r = new Random(seed);
    int b = 4, l = 32, s = 16;
    float[] mfcc = new float[b * channels * l];
    float[] image = new float[b * 3 * s * s];
    for (int i = 0; i < mfcc.length; i++) mfcc[i] = 1 + r.nextFloat(); // never 0 before masking
    for (int i = 0; i < image.length; i++) image[i] = r.nextFloat();
    return new InputBatch.Arrays(mfcc, image, b, channels, l, s);
  }

  @Test
  void timeMasksZeroWholeColumnsOfEveryCoefficientAndFillImageColumnsWithTheChannelMean() {
    InputBatch.Arrays a = batch(13, 1);
    InputBatch.Arrays before = batch(13, 1);
    new SpecAugment(new SpecAugmentConfig(2, 0.25, 0, 0), 7).apply(a);
    int l = 32, s = 16;
    int maskedFrames = 0;
    for (int i = 0; i < 4; i++) {
      for (int t = 0; t < l; t++) {
        boolean zero = a.mfcc()[i * 13 * l + t] == 0f;
        if (zero) maskedFrames++;
        for (int c = 0; c < 13; c++) {
          float v = a.mfcc()[i * 13 * l + c * l + t];
          assertEquals(zero, v == 0f, "a time mask spans every coefficient (segment " + i + ", frame " + t + ")");
          if (!zero) assertEquals(before.mfcc()[i * 13 * l + c * l + t], v);
        }
      }
      for (int ch = 0; ch < 3; ch++) {
        double mean = 0;
        for (int j = 0; j < s * s; j++) mean += before.image()[(i * 3 + ch) * s * s + j];
        float m = (float) (mean / (s * s));
        for (int x = 0; x < s; x++) {
          int changed = 0;
          for (int y = 0; y < s; y++) {
            int k = ((i * 3 + ch) * s + y) * s + x;
            if (a.image()[k] != before.image()[k]) {
              changed++;
              assertEquals(m, a.image()[k], 1e-6f, "masked pixels take the channel mean");
            }
          }
          assertTrue(changed == 0 || changed >= s - 1, "a time mask is a whole column: " + changed);
        }
      }
    }
    // Two masks of at most 8 frames per segment: something, never more than half.
    assertTrue(maskedFrames > 0 && maskedFrames <= 4 * 16, "masked frames " + maskedFrames);
  }

  @Test
  void frequencyMasksTouchCoefficientsOnlyWhenEachIsAChannel() {
    InputBatch.Arrays one = batch(1, 2);
    float[] mfcc = one.mfcc().clone();
    new SpecAugment(new SpecAugmentConfig(0, 0, 2, 0.3), 3).apply(one);
    assertArrayEquals(mfcc, one.mfcc(), "the paper's single MFCC channel has no frequency axis");
    assertNotEquals(java.util.Arrays.toString(batch(1, 2).image()), java.util.Arrays.toString(one.image()));

    InputBatch.Arrays many = batch(13, 2);
    new SpecAugment(new SpecAugmentConfig(0, 0, 2, 0.3), 3).apply(many);
    int zeroRows = 0;
    for (int i = 0; i < 4; i++) {
      for (int c = 0; c < 13; c++) {
        int zeros = 0;
        for (int t = 0; t < 32; t++) if (many.mfcc()[(i * 13 + c) * 32 + t] == 0f) zeros++;
        assertTrue(zeros == 0 || zeros == 32, "a band masks a whole coefficient");
        if (zeros == 32) zeroRows++;
      }
    }
    assertTrue(zeroRows > 0, "some coefficient masked");
  }

  @Test
  void sameSeedSameMasksAndOffChangesNothing() {
    InputBatch.Arrays a = batch(13, 5);
    InputBatch.Arrays b = batch(13, 5);
    SpecAugmentConfig cfg = new SpecAugmentConfig(2, 0.2, 2, 0.2);
    new SpecAugment(cfg, 11).apply(a);
    new SpecAugment(cfg, 11).apply(b);
    assertArrayEquals(a.mfcc(), b.mfcc());
    assertArrayEquals(a.image(), b.image());
    InputBatch.Arrays c = batch(13, 5);
    new SpecAugment(cfg, 12).apply(c);
    assertNotEquals(java.util.Arrays.toString(a.mfcc()), java.util.Arrays.toString(c.mfcc()));
    assertTrue(!SpecAugmentConfig.OFF.enabled() && cfg.enabled());
  }

  @Test
  void sharesOutsideZeroToOneAreRefusedByName() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new SpecAugmentConfig(2, 1.5, 0, 0));
    assertTrue(e.getMessage().contains("timeWidth") && e.getMessage().contains("1.5"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new SpecAugmentConfig(-1, 0.1, 0, 0));
    assertTrue(e.getMessage().contains("timeMasks"), e.getMessage());
  }
}
