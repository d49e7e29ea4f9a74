package org.emoaudionet.metrics;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import javax.imageio.ImageIO;
import org.emoaudionet.train.EpochMetrics;

/**
 * The report's pictures, drawn with Java2D off screen (headless): a confusion matrix with counts
 * and a colour scale, and learning curves (loss and accuracy per epoch, train against val).
 */
public final class Charts {
  static {
    if (System.getProperty("java.awt.headless") == null) System.setProperty("java.awt.headless", "true");
  }

  static final Color TRAIN = new Color(31, 119, 180);
  static final Color VAL = new Color(255, 127, 14);
  private static final Color LOW = new Color(247, 251, 255);
  private static final Color HIGH = new Color(8, 48, 107);
  private static final Color AXIS = new Color(60, 60, 60);
  private static final Color GRID = new Color(225, 225, 225);

  private Charts() {}

  /** Where the confusion matrix's cells lie in its picture. */
  record Layout(int left, int top, int cell, int n, int width, int height) {
    static Layout of(List<String> classes, FontMetrics fm) {
      int n = classes.size();
      int cell = Math.max(30, Math.min(90, 600 / Math.max(1, n)));
      int label = 0;
      for (String c : classes) label = Math.max(label, fm.stringWidth(shorten(c)));
      int left = 60 + label;
      int bottom = 50 + (rotateLabels(classes, cell, fm) ? label : fm.getHeight());
      int top = 60;
      int width = left + n * cell + 110;
      return new Layout(left, top, cell, n, Math.max(width, 420), top + n * cell + bottom);
    }
  }

  /** Writes a PNG of {@code counts} (rows true, columns predicted) coloured by row share. */
  public static void confusionMatrix(long[][] counts, List<String> classes, String title, Path png)
      throws IOException {
    write(renderConfusionMatrix(counts, classes, title), png);
  }

  static BufferedImage renderConfusionMatrix(long[][] counts, List<String> classes, String title) {
    Font labelFont = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
    Graphics2D pg = probe.createGraphics();
    Layout l = Layout.of(classes, pg.getFontMetrics(labelFont));
    pg.dispose();
    BufferedImage img = new BufferedImage(l.width(), l.height(), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = canvas(img);
    drawTitle(g, title, l.width());
    int n = l.n();
    int cell = l.cell();
    Font countFont = new Font(Font.SANS_SERIF, Font.BOLD, Math.max(9, Math.min(16, cell / 3)));
    for (int i = 0; i < n; i++) {
      long rowSum = 0;
      for (long v : counts[i]) rowSum += v;
      for (int j = 0; j < n; j++) {
        // Colour by the share of the true class, so that rare classes are as readable as common ones.
        double share = rowSum == 0 ? 0 : (double) counts[i][j] / rowSum;
        Color c = blend(share);
        int x = l.left() + j * cell;
        int y = l.top() + i * cell;
        g.setColor(c);
        g.fillRect(x, y, cell, cell);
        g.setColor(share > 0.5 ? Color.WHITE : Color.BLACK);
        g.setFont(countFont);
        centre(g, String.valueOf(counts[i][j]), x + cell / 2, y + cell / 2);
      }
    }
    g.setColor(AXIS);
    g.drawRect(l.left(), l.top(), n * cell, n * cell);
    g.setFont(labelFont);
    FontMetrics fm = g.getFontMetrics();
    boolean rotate = rotateLabels(classes, cell, fm);
    for (int i = 0; i < n; i++) {
      String name = shorten(classes.get(i));
      g.drawString(name, l.left() - 8 - fm.stringWidth(name), l.top() + i * cell + cell / 2 + fm.getAscent() / 2 - 2);
      int cx = l.left() + i * cell + cell / 2;
      int y0 = l.top() + n * cell + 6;
      if (rotate) {
        AffineTransform saved = g.getTransform();
        g.translate(cx + fm.getAscent() / 2.0 - 2, y0);
        g.rotate(Math.PI / 2);
        g.drawString(name, 0, 0);
        g.setTransform(saved);
      } else {
        g.drawString(name, cx - fm.stringWidth(name) / 2, y0 + fm.getAscent());
      }
    }
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
    FontMetrics bm = g.getFontMetrics();
    centre(g, "Predicted class", l.left() + n * cell / 2, l.height() - 18);
    AffineTransform saved = g.getTransform();
    g.translate(20, l.top() + n * cell / 2.0);
    g.rotate(-Math.PI / 2);
    g.drawString("True class", -bm.stringWidth("True class") / 2, bm.getAscent() / 2);
    g.setTransform(saved);
    drawColourBar(g, l.left() + n * cell + 30, l.top(), Math.max(120, n * cell));
    g.dispose();
    return img;
  }

  private static void drawColourBar(Graphics2D g, int x, int y, int h) {
    int w = 16;
    for (int k = 0; k < h; k++) {
      g.setColor(blend(1 - (double) k / (h - 1)));
      g.fillRect(x, y + k, w, 1);
    }
    g.setColor(AXIS);
    g.drawRect(x, y, w, h);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    for (int t = 0; t <= 4; t++) {
      int ty = y + h - t * h / 4;
      g.drawLine(x + w, ty, x + w + 4, ty);
      g.drawString(String.format(Locale.ROOT, "%.2f", t / 4.0), x + w + 7, ty + 4);
    }
    AffineTransform saved = g.getTransform();
    g.translate(x + w + 48, y + h / 2.0);
    g.rotate(Math.PI / 2);
    centre(g, "share of true class", 0, 0);
    g.setTransform(saved);
  }

  /** Writes a PNG with two panels, loss and accuracy per epoch, train (blue) against val (orange). */
  public static void learningCurves(List<EpochMetrics> history, String title, Path png) throws IOException {
    write(renderLearningCurves(history, title), png);
  }

  static BufferedImage renderLearningCurves(List<EpochMetrics> history, String title) {
    int panelW = 520;
    int panelH = 360;
    int width = 2 * panelW + 40;
    int height = panelH + 110;
    BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = canvas(img);
    drawTitle(g, title, width);
    double maxLoss = 0;
    for (EpochMetrics e : history) {
      for (double v : new double[] {e.trainLoss(), e.valLoss()}) if (Double.isFinite(v)) maxLoss = Math.max(maxLoss, v);
    }
    if (maxLoss <= 0) maxLoss = 1;
    panel(g, 20, 50, panelW, panelH, history, "Loss", 0, niceCeil(maxLoss * 1.05),
        EpochMetrics::trainLoss, EpochMetrics::valLoss);
    panel(g, 20 + panelW + 20, 50, panelW, panelH, history, "Accuracy", 0, 1,
        EpochMetrics::trainAccuracy, EpochMetrics::valAccuracy);
    // Legend, shared by both panels.
    int ly = height - 22;
    int lx = width / 2 - 120;
    legend(g, lx, ly, TRAIN, "train");
    legend(g, lx + 120, ly, VAL, "validation");
    g.dispose();
    return img;
  }

  private static void panel(Graphics2D g, int x, int y, int w, int h, List<EpochMetrics> history, String name,
      double lo, double hi, ToDoubleFunction<EpochMetrics> train, ToDoubleFunction<EpochMetrics> val) {
    int left = x + 60;
    int right = x + w - 10;
    int top = y + 25;
    int bottom = y + h - 40;
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
    g.setColor(AXIS);
    centre(g, name, (left + right) / 2, y + 8);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    int firstEpoch = history.isEmpty() ? 1 : history.get(0).epoch();
    int lastEpoch = history.isEmpty() ? 1 : history.get(history.size() - 1).epoch();
    if (lastEpoch <= firstEpoch) lastEpoch = firstEpoch + 1;
    double ystep = niceStep((hi - lo) / 5);
    for (double v = lo; v <= hi + 1e-9; v += ystep) {
      int py = (int) Math.round(bottom - (v - lo) / (hi - lo) * (bottom - top));
      g.setColor(GRID);
      g.drawLine(left, py, right, py);
      g.setColor(AXIS);
      String s = format(v, ystep);
      g.drawString(s, left - 6 - g.getFontMetrics().stringWidth(s), py + 4);
    }
    double xstep = Math.max(1, niceStep((lastEpoch - firstEpoch) / 8.0));
    for (double e = Math.ceil(firstEpoch / xstep) * xstep; e <= lastEpoch; e += xstep) {
      int px = (int) Math.round(left + (e - firstEpoch) / (lastEpoch - firstEpoch) * (right - left));
      g.setColor(AXIS);
      g.drawLine(px, bottom, px, bottom + 4);
      centre(g, String.valueOf((long) e), px, bottom + 14);
    }
    g.drawRect(left, top, right - left, bottom - top);
    centre(g, "epoch", (left + right) / 2, bottom + 30);
    final int fe = firstEpoch;
    final int le = lastEpoch;
    for (int series = 0; series < 2; series++) {
      ToDoubleFunction<EpochMetrics> f = series == 0 ? train : val;
      g.setColor(series == 0 ? TRAIN : VAL);
      g.setStroke(new BasicStroke(2f));
      Path2D.Double path = new Path2D.Double();
      boolean started = false;
      for (EpochMetrics e : history) {
        double v = f.applyAsDouble(e);
        if (!Double.isFinite(v)) {
          started = false;
          continue;
        }
        double px = left + (double) (e.epoch() - fe) / (le - fe) * (right - left);
        double py = bottom - (Math.max(lo, Math.min(hi, v)) - lo) / (hi - lo) * (bottom - top);
        if (started) path.lineTo(px, py);
        else path.moveTo(px, py);
        started = true;
        g.fillOval((int) Math.round(px) - 2, (int) Math.round(py) - 2, 5, 5);
      }
      g.draw(path);
      g.setStroke(new BasicStroke(1f));
    }
  }

  private static void legend(Graphics2D g, int x, int y, Color c, String label) {
    g.setColor(c);
    g.setStroke(new BasicStroke(3f));
    g.drawLine(x, y, x + 30, y);
    g.setStroke(new BasicStroke(1f));
    g.setColor(AXIS);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
    g.drawString(label, x + 38, y + 5);
  }

  private static Graphics2D canvas(BufferedImage img) {
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, img.getWidth(), img.getHeight());
    return g;
  }

  private static void drawTitle(Graphics2D g, String title, int width) {
    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
    centre(g, title, width / 2, 24);
  }

  private static void centre(Graphics2D g, String s, int cx, int cy) {
    FontMetrics fm = g.getFontMetrics();
    g.drawString(s, cx - fm.stringWidth(s) / 2, cy + (fm.getAscent() - fm.getDescent()) / 2);
  }

  /** White to dark blue, as matplotlib's "Blues". */
  static Color blend(double t) {
    t = Math.max(0, Math.min(1, t));
    return new Color(
        (int) Math.round(LOW.getRed() + t * (HIGH.getRed() - LOW.getRed())),
        (int) Math.round(LOW.getGreen() + t * (HIGH.getGreen() - LOW.getGreen())),
        (int) Math.round(LOW.getBlue() + t * (HIGH.getBlue() - LOW.getBlue())));
  }

  private static boolean rotateLabels(List<String> classes, int cell, FontMetrics fm) {
    for (String c : classes) if (fm.stringWidth(shorten(c)) > cell - 4) return true;
    return false;
  }

  private static String shorten(String s) {
    return s.length() > 16 ? s.substring(0, 15) + "\u2026" : s;
  }

  static double niceStep(double raw) {
    if (!(raw > 0)) return 1;
    double mag = Math.pow(10, Math.floor(Math.log10(raw)));
    double f = raw / mag;
    double nice = f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10;
    return nice * mag;
  }

  private static double niceCeil(double v) {
    double step = niceStep(v / 5);
    return Math.ceil(v / step) * step;
  }

  private static String format(double v, double step) {
    int decimals = Math.max(0, (int) Math.ceil(-Math.log10(step) + 1e-9));
    double scaled = step * Math.pow(10, decimals);
    if (Math.abs(scaled - Math.rint(scaled)) > 1e-6) decimals++;
    return String.format(Locale.ROOT, "%." + decimals + "f", v);
  }

  private static void write(BufferedImage img, Path png) throws IOException {
    Path parent = png.toAbsolutePath().getParent();
    if (parent != null) Files.createDirectories(parent);
    if (!ImageIO.write(img, "png", png.toFile())) throw new IOException("no PNG writer for " + png);
  }
}
