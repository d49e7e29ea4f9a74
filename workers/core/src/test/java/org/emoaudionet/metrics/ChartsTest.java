package org.emoaudionet.metrics;

import static org.junit.jupiter.api.Assertions.*;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.emoaudionet.train.EpochMetrics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChartsTest {
  @TempDir Path tmp;

  @Test
  void confusionMatrixCellsAreColouredByRowShare() throws IOException {
    List<String> classes = List.of("F", "M");
    long[][] cm = {{90, 10}, {0, 5}};
    Path png = tmp.resolve("cm.png");
    Charts.confusionMatrix(cm, classes, "gender - test", png);
    BufferedImage img = ImageIO.read(png.toFile());
    assertNotNull(img);
    BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
    Charts.Layout l = Charts.Layout.of(classes, probe.createGraphics().getFontMetrics(
        new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 13)));
    assertEquals(l.width(), img.getWidth());
    assertEquals(l.height(), img.getHeight());
    // A pixel near each cell's corner (away from the count text) has the cell's colour.
    assertEquals(Charts.blend(0.9), pixel(img, l, 0, 0));
    assertEquals(Charts.blend(0.1), pixel(img, l, 0, 1));
    assertEquals(Charts.blend(0.0), pixel(img, l, 1, 0));
    assertEquals(Charts.blend(1.0), pixel(img, l, 1, 1));
    assertTrue(brightness(Charts.blend(1.0)) < brightness(Charts.blend(0.0)));
    // The count is drawn in the middle of the cell: not all of the cell is the fill colour.
    assertTrue(differsFromFill(img, l, 0, 0), "count text drawn in cell (0,0)");
  }

  @Test
  void manyLongClassNamesStillRender() throws IOException {
    List<String> classes = new ArrayList<>();
    for (int i = 0; i < 25; i++) classes.add("a rather long class name " + i);
    long[][] cm = new long[25][25];
    for (int i = 0; i < 25; i++) cm[i][i] = i;
    Path png = tmp.resolve("big.png");
    Charts.confusionMatrix(cm, classes, "many classes", png);
    BufferedImage img = ImageIO.read(png.toFile());
    assertTrue(img.getWidth() > 25 * 30 && img.getHeight() > 25 * 30);
  }

  @Test
  void learningCurvesDrawBothSeries() throws IOException {
    List<EpochMetrics> h = new ArrayList<>();
    for (int e = 1; e <= 12; e++) {
      h.add(new EpochMetrics(e, 2.0 / e, 0.5 + e * 0.03, 2.2 / e + 0.1, 0.45 + e * 0.025, 1e-3, e % 3 == 0));
    }
    Path png = tmp.resolve("lc.png");
    Charts.learningCurves(h, "arousal - learning curves", png);
    BufferedImage img = ImageIO.read(png.toFile());
    assertEquals(1080, img.getWidth());
    int train = 0;
    int val = 0;
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        int rgb = img.getRGB(x, y) & 0xffffff;
        if (rgb == (Charts.TRAIN.getRGB() & 0xffffff)) train++;
        if (rgb == (Charts.VAL.getRGB() & 0xffffff)) val++;
      }
    }
    assertTrue(train > 300 && val > 300, "train " + train + " val " + val + " pixels");
    // A single epoch (no x range) and NaN validation values must not break drawing.
    Charts.learningCurves(List.of(new EpochMetrics(1, 0.7, 0.5, Double.NaN, Double.NaN, 1e-3, false)),
        "one epoch", tmp.resolve("one.png"));
    assertNotNull(ImageIO.read(tmp.resolve("one.png").toFile()));
  }

  @Test
  void niceSteps() {
    assertEquals(0.2, Charts.niceStep(0.17), 1e-12);
    assertEquals(5, Charts.niceStep(3.2), 1e-12);
    assertEquals(10, Charts.niceStep(7), 1e-12);
  }

  static Color pixel(BufferedImage img, Charts.Layout l, int row, int col) {
    return new Color(img.getRGB(l.left() + col * l.cell() + 3, l.top() + row * l.cell() + 3));
  }

  static boolean differsFromFill(BufferedImage img, Charts.Layout l, int row, int col) {
    int fill = img.getRGB(l.left() + col * l.cell() + 3, l.top() + row * l.cell() + 3);
    for (int dy = l.cell() / 3; dy < 2 * l.cell() / 3; dy++) {
      for (int dx = l.cell() / 3; dx < 2 * l.cell() / 3; dx++) {
        if (img.getRGB(l.left() + col * l.cell() + dx, l.top() + row * l.cell() + dy) != fill) return true;
      }
    }
    return false;
  }

  static double brightness(Color c) {
    return c.getRed() + c.getGreen() + c.getBlue();
  }
}
