package org.emoaudionet.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpectrogramImageTest {
  @Test
  void sizeAndRange() {
    SpectrogramImage si = new SpectrogramImage(Reference.SR, 224);
    byte[] img = si.compute(Reference.signal("vowel_female"));
    assertEquals(3 * 224 * 224, img.length);
    float[] f = si.computeFloats(Reference.signal("vowel_female"));
    assertEquals(img.length, f.length);
    float min = 1, max = 0;
    for (int i = 0; i < f.length; i++) {
      assertEquals((img[i] & 0xff) / 255f, f[i], 0f);
      min = Math.min(min, f[i]);
      max = Math.max(max, f[i]);
    }
    assertTrue(min >= 0 && max <= 1);
    assertTrue(max - min > 0.5, "a speech-like signal uses much of the colour range: " + min + ".." + max);
    assertEquals(3 * 64 * 64, new SpectrogramImage(Reference.SR, 64).compute(Reference.signal("tiny")).length);
  }

  @Test
  void closeToMatplotlibFigureResizedByPil() {
    // Reference: plt.specgram on a 19x12 inch figure, axes off, PNG, PIL ImageOps.fit(224, BOX).
    Npy.NpyArray ref = Reference.load("vowel_male_mpl_image"); // (224, 224, 3)
    byte[] img = new SpectrogramImage(Reference.SR, 224).compute(Reference.signal("vowel_male"));
    int plane = 224 * 224;
    double sum = 0;
    int worst = 0;
    for (int r = 0; r < 224; r++) {
      for (int c = 0; c < 224; c++) {
        for (int ch = 0; ch < 3; ch++) {
          int d = Math.abs((img[ch * plane + r * 224 + c] & 0xff) - (int) ref.get(r, c, ch));
          sum += d;
          worst = Math.max(worst, d);
        }
      }
    }
    double mean = sum / (3.0 * plane);
    System.out.printf("image vs matplotlib+PIL: mean |diff| %.3f, max %d (of 255)%n", mean, worst);
    assertTrue(mean < 1.0, "mean abs difference " + mean);
    assertTrue(worst <= 20, "max abs difference " + worst);
  }

  @Test
  void lowToneLightsBottomRowsHighToneTop() {
    SpectrogramImage si = new SpectrogramImage(Reference.SR, 64);
    double[] low = rowBrightness(si.compute(tonePlusNoise(500)), 64);
    double[] high = rowBrightness(si.compute(tonePlusNoise(19_000)), 64);
    // 500 Hz is PSD bin 3 of 129 (172 Hz per bin): image row (128 - 3) * 64 / 129 = 62
    assertTrue(argmax(low) >= 61, "500 Hz: brightest row near the bottom, got " + argmax(low));
    assertTrue(argmax(high) <= 11, "19 kHz: brightest row near the top, got " + argmax(high));
    assertTrue(low[63] > low[0] + 50 && high[argmax(high)] > high[63] + 50);
  }

  @Test
  void uniformColourSurvivesResampling() {
    // A matrix whose crop is one value everywhere but one cell outside the crop that sets the
    // minimum: every pixel must be exactly matplotlib's colour of 1.0 (the top of the range).
    double[][] db = new double[129][860];
    for (double[] row : db) java.util.Arrays.fill(row, -50);
    db[0][0] = -150;
    byte[] img = new SpectrogramImage(Reference.SR, 224).render(db);
    int plane = 224 * 224;
    for (int p = 0; p < plane; p++) {
      assertEquals(253, img[p] & 0xff);
      assertEquals(231, img[plane + p] & 0xff);
      assertEquals(36, img[2 * plane + p] & 0xff);
    }
  }

  @Test
  void centreCropKeepsTwelveNineteenthsOfTime() {
    // Columns left of the crop hold the minimum, right of it the maximum; inside, mid grey.
    int cols = 860;
    double keep = cols * 12.0 / 19.0, start = (cols - keep) / 2;
    double[][] db = new double[129][cols];
    for (double[] row : db) {
      for (int t = 0; t < cols; t++) row[t] = t < Math.floor(start) ? -100 : t >= Math.ceil(start + keep) ? 0 : -50;
    }
    byte[] img = new SpectrogramImage(Reference.SR, 32).render(db);
    int mid = Viridis.rgbByte(Viridis.index(0.5), 1);
    // Inner pixels see only the middle value; the edge pixels touch at most a fraction of a cell.
    for (int r = 0; r < 32; r++) {
      for (int c = 1; c < 31; c++) assertEquals(mid, img[32 * 32 + r * 32 + c] & 0xff, "pixel " + r + "," + c);
      assertTrue(Math.abs((img[32 * 32 + r * 32] & 0xff) - mid) <= 3);
    }
  }

  @Test
  void silentSegmentIsFiniteAndUniform() {
    byte[] img = new SpectrogramImage(Reference.SR, 32).compute(new float[110_250]);
    for (int p = 0; p < 32 * 32; p++) assertEquals(68, img[p] & 0xff); // viridis(0): all cells equal
  }

  @Test
  void pngRoundTrip(@TempDir Path dir) throws Exception {
    byte[] img = new SpectrogramImage(Reference.SR, 48).compute(Reference.signal("fricative_burst"));
    Path png = dir.resolve("sub/spectrogram.png");
    SpectrogramImage.writePng(img, 48, png);
    BufferedImage back = ImageIO.read(png.toFile());
    assertEquals(48, back.getWidth());
    assertEquals(48, back.getHeight());
    byte[] again = new byte[img.length];
    for (int y = 0; y < 48; y++) {
      for (int x = 0; x < 48; x++) {
        int rgb = back.getRGB(x, y), o = y * 48 + x;
        again[o] = (byte) (rgb >> 16);
        again[48 * 48 + o] = (byte) (rgb >> 8);
        again[2 * 48 * 48 + o] = (byte) rgb;
      }
    }
    assertArrayEquals(img, again);
    assertThrows(IllegalArgumentException.class, () -> SpectrogramImage.writePng(img, 47, png));
  }

  private static float[] tonePlusNoise(double hz) {
    float[] y = Reference.tone(hz, 2.5, 0.5);
    java.util.Random rnd = new java.util.Random(1);
    for (int i = 0; i < y.length; i++) y[i] += (float) (1e-4 * rnd.nextGaussian());
    return y;
  }

  /** Mean green+red per image row (viridis gets brighter with both). */
  private static double[] rowBrightness(byte[] img, int size) {
    double[] out = new double[size];
    for (int r = 0; r < size; r++) {
      double s = 0;
      for (int c = 0; c < size; c++) s += (img[r * size + c] & 0xff) + (img[size * size + r * size + c] & 0xff);
      out[r] = s / size;
    }
    return out;
  }

  private static int argmax(double[] a) {
    int best = 0;
    for (int i = 1; i < a.length; i++) if (a[i] > a[best]) best = i;
    return best;
  }
}
