package org.emoaudionet.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ViridisTest {
  @Test
  void indexRuleIsMatplotlibs() {
    assertEquals(0, Viridis.index(0.0));
    assertEquals(0, Viridis.index(0.5 / 256));
    assertEquals(1, Viridis.index(1.0 / 256));
    assertEquals(128, Viridis.index(0.5));
    assertEquals(254, Viridis.index(255.0 / 256 - 1e-12));
    assertEquals(255, Viridis.index(255.0 / 256));
    assertEquals(255, Viridis.index(1.0)); // v == 1 is in range: last entry
    assertEquals(0, Viridis.index(-0.1)); // under colour = first entry
    assertEquals(255, Viridis.index(1.5)); // over colour = last entry
  }

  @Test
  void endColoursAsMatplotlibBytes() {
    // colormaps['viridis']([0.0, 1.0], bytes=True) in matplotlib 3.11
    assertArrayEquals(new int[] {68, 1, 84}, Viridis.rgbBytes(0));
    assertArrayEquals(new int[] {253, 231, 36}, Viridis.rgbBytes(255));
    // colormaps['viridis'](0.5) = (0.127568, 0.566949, 0.550556)
    assertEquals(0.127568, Viridis.rgb(128, 0), 0.0);
    assertEquals(0.566949, Viridis.rgb(128, 1), 0.0);
    assertEquals(0.550556, Viridis.rgb(128, 2), 0.0);
  }

  @Test
  void colouringOfReferenceIsIdenticalToMatplotlib() {
    Npy.NpyArray db = Reference.load("vowel_male_psd_db");
    Npy.NpyArray rgb = Reference.load("vowel_male_viridis"); // (129, T, 3) uint8
    int[][] idx = SpectrogramImage.viridisIndices(db.matrix());
    int rows = rgb.shape()[0], cols = rgb.shape()[1];
    assertEquals(129, rows);
    assertEquals(860, cols);
    int distinct = 0;
    boolean[] seen = new boolean[256];
    for (int f = 0; f < rows; f++) {
      for (int t = 0; t < cols; t++) {
        if (!seen[idx[f][t]]) {
          seen[idx[f][t]] = true;
          distinct++;
        }
        for (int c = 0; c < 3; c++) {
          int expected = (int) rgb.get(f, t, c);
          if (Viridis.rgbByte(idx[f][t], c) != expected) {
            throw new AssertionError("cell [" + f + "][" + t + "] channel " + c + ": " + Viridis.rgbByte(idx[f][t], c)
                + ", matplotlib " + expected);
          }
        }
      }
    }
    assertTrue(distinct > 200, "the reference spans most of the colormap: " + distinct);
    assertTrue(seen[0] && seen[255], "min and max cells use the end colours");
  }
}
