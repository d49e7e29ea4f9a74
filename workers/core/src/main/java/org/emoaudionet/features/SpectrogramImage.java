package org.emoaudionet.features;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * The spectrogram branch input: the image the authors' code saved with {@code plt.specgram}
 * and read back at 224 x 224, computed directly (no plotting library, no PNG round trip).
 *
 * <p>Steps and the choices behind them:
 *
 * <ol>
 *   <li>dB PSD matrix of the segment, {@link Spectrogram} (129 frequencies x T times).
 *   <li>Colour: matplotlib's default {@code Normalize} over the matrix's own min..max
 *       ({@code v = (z - min) / (max - min)}, all 0 when max == min), then viridis with
 *       matplotlib's index rule and byte truncation ({@link Viridis}). The whole matrix is
 *       normalised, also the part later cropped away, as matplotlib did.
 *   <li>Geometry: {@code plt.specgram} stretches the matrix over the axes, low frequencies at
 *       the bottom (image row 0 = highest frequency). The authors drew a 19 x 12 inch figure,
 *       removed the axes and resized to a square with a centre "cover" crop, which keeps the
 *       centre 12/19 of the time axis (columns {@code T*3.5/19 .. T*15.5/19}) and the full
 *       frequency axis. We model the drawn picture as the colour cells stretched to that
 *       aspect (nearest neighbour, which is what matplotlib's up-sampling of a 129 x T image to
 *       a 1900 x 1200 px figure amounts to) and resample the crop to {@code size x size} by area
 *       averaging (box filter): each output pixel is the area-weighted mean of the colour cells
 *       it covers, in both directions (129 rows are up-sampled to 224, ~543 columns
 *       down-sampled). The mean of the byte colours is rounded to the nearest byte.
 *   <li>Layout: RGB channel-major bytes, {@code [3][size][size]}, 0..255, as {@link
 *       SegmentFeatures#image()} stores it; {@link #computeFloats} gives [0, 1].
 * </ol>
 *
 * <p>Checked end to end against matplotlib + PIL ({@code plt.specgram} on a 19 x 12 inch figure
 * at 100 dpi with the axes filling it, PNG, {@code ImageOps.fit(224, BOX)}): mean absolute
 * difference 0.44 of 255, largest 12, on a synthetic vowel. Not reproduced: the Agg renderer's
 * edge anti-aliasing and whatever resampling filter the original code used (not recorded). An instance owns work buffers: NOT thread-safe, use one per
 * thread.
 */
public final class SpectrogramImage {
  /** The authors' figure: 19 x 12 inches. */
  public static final double FIGURE_WIDTH = 19.0;
  public static final double FIGURE_HEIGHT = 12.0;

  private final int sampleRate;
  private final int size;
  private final Spectrogram spectrogram = new Spectrogram();
  private final BoxWeights rowWeights;
  private BoxWeights colWeights;
  private int colWeightsFor = -1;
  private double[] rowPass = new double[0];

  public SpectrogramImage(int sampleRate, int size) {
    if (sampleRate <= 0) throw new IllegalArgumentException("sampleRate must be > 0, got " + sampleRate);
    if (size <= 0) throw new IllegalArgumentException("image size must be > 0, got " + size);
    this.sampleRate = sampleRate;
    this.size = size;
    this.rowWeights = new BoxWeights(0.0, Spectrogram.FREQS, Spectrogram.FREQS, size);
  }

  public int sampleRate() {
    return sampleRate;
  }

  public int size() {
    return size;
  }

  /** The image of one segment: RGB channel-major, {@code 3 * size * size} bytes, 0..255. */
  public byte[] compute(float[] segment) {
    return render(spectrogram.psdDb(segment, sampleRate));
  }

  /** {@link #compute} scaled to [0, 1] (byte / 255), channel-major. */
  public float[] computeFloats(float[] segment) {
    byte[] b = compute(segment);
    float[] out = new float[b.length];
    for (int i = 0; i < b.length; i++) out[i] = (b[i] & 0xff) / 255f;
    return out;
  }

  /** Colours, crops and resamples a dB matrix {@code [freq, low first][time]} to the image. */
  public byte[] render(double[][] db) {
    int freqs = db.length;
    if (freqs != Spectrogram.FREQS) {
      throw new IllegalArgumentException("dB matrix has " + freqs + " rows, expected " + Spectrogram.FREQS);
    }
    int cols = db[0].length;
    if (cols != colWeightsFor) {
      double keep = cols * FIGURE_HEIGHT / FIGURE_WIDTH;
      colWeights = new BoxWeights((cols - keep) / 2.0, keep, cols, size);
      colWeightsFor = cols;
    }
    double[] range = minMax(db);
    double min = range[0], span = range[1] - range[0];
    int c0 = colWeights.firstCell(), c1 = colWeights.endCell();
    // Horizontal pass: per frequency row (low first), per output column, the mean colour.
    if (rowPass.length < freqs * size * 3) rowPass = new double[freqs * size * 3];
    int[] idx = new int[c1 - c0];
    for (int f = 0; f < freqs; f++) {
      double[] z = db[f];
      for (int j = c0; j < c1; j++) idx[j - c0] = span == 0 ? 0 : Viridis.index((z[j] - min) / span);
      int base = f * size * 3;
      for (int c = 0; c < size; c++) {
        int first = colWeights.first[c];
        double[] w = colWeights.weights[c];
        double r = 0, g = 0, b = 0;
        for (int k = 0; k < w.length; k++) {
          int i = idx[first + k - c0];
          r += w[k] * Viridis.rgbByte(i, 0);
          g += w[k] * Viridis.rgbByte(i, 1);
          b += w[k] * Viridis.rgbByte(i, 2);
        }
        rowPass[base + 3 * c] = r;
        rowPass[base + 3 * c + 1] = g;
        rowPass[base + 3 * c + 2] = b;
      }
    }
    // Vertical pass: image row 0 is the top of the figure, the highest frequency.
    byte[] out = new byte[3 * size * size];
    int plane = size * size;
    for (int r = 0; r < size; r++) {
      int first = rowWeights.first[r];
      double[] w = rowWeights.weights[r];
      for (int c = 0; c < size; c++) {
        double red = 0, green = 0, blue = 0;
        for (int k = 0; k < w.length; k++) {
          int f = freqs - 1 - (first + k); // flipped row -> frequency index
          int p = f * size * 3 + 3 * c;
          red += w[k] * rowPass[p];
          green += w[k] * rowPass[p + 1];
          blue += w[k] * rowPass[p + 2];
        }
        int o = r * size + c;
        out[o] = toByte(red);
        out[plane + o] = toByte(green);
        out[2 * plane + o] = toByte(blue);
      }
    }
    return out;
  }

  /**
   * The viridis LUT index of every cell of a dB matrix under matplotlib's default normalisation
   * over the matrix's own min..max: what {@code cmap(Normalize()(db))} looks up.
   */
  public static int[][] viridisIndices(double[][] db) {
    double[] range = minMax(db);
    double span = range[1] - range[0];
    int[][] out = new int[db.length][];
    for (int f = 0; f < db.length; f++) {
      out[f] = new int[db[f].length];
      for (int t = 0; t < db[f].length; t++) {
        out[f][t] = span == 0 ? 0 : Viridis.index((db[f][t] - range[0]) / span);
      }
    }
    return out;
  }

  /** Writes a channel-major RGB image ({@code 3 x size x size} bytes) as a PNG. */
  public static void writePng(byte[] chw, int size, Path file) throws IOException {
    if (chw.length != 3 * size * size) {
      throw new IllegalArgumentException("image has " + chw.length + " bytes, expected 3 x " + size + " x " + size);
    }
    BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
    int plane = size * size;
    for (int y = 0; y < size; y++) {
      for (int x = 0; x < size; x++) {
        int o = y * size + x;
        int rgb = (chw[o] & 0xff) << 16 | (chw[plane + o] & 0xff) << 8 | (chw[2 * plane + o] & 0xff);
        img.setRGB(x, y, rgb);
      }
    }
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) Files.createDirectories(parent);
    if (!ImageIO.write(img, "png", file.toFile())) {
      throw new IOException(file + ": no PNG writer available in javax.imageio");
    }
  }

  private static double[] minMax(double[][] db) {
    double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
    for (double[] row : db) {
      for (double v : row) {
        if (v < min) min = v;
        if (v > max) max = v;
      }
    }
    return new double[] {min, max};
  }

  private static byte toByte(double v) {
    long r = Math.round(v);
    return (byte) (r < 0 ? 0 : r > 255 ? 255 : r);
  }

  /**
   * Area-averaging weights from a source interval {@code [start, start + length)} of unit cells
   * (of which there are {@code cells}) onto {@code out} equal output pixels.
   */
  static final class BoxWeights {
    final int[] first;
    final double[][] weights;

    BoxWeights(double start, double length, int cells, int out) {
      first = new int[out];
      weights = new double[out][];
      double step = length / out;
      for (int o = 0; o < out; o++) {
        double a = start + o * step, b = start + (o + 1) * step;
        int lo = Math.max(0, (int) Math.floor(a));
        int hi = Math.min(cells, (int) Math.ceil(b)); // exclusive
        if (hi <= lo) hi = Math.min(cells, lo + 1);
        double[] w = new double[hi - lo];
        double sum = 0;
        for (int j = lo; j < hi; j++) {
          double ov = Math.min(b, j + 1) - Math.max(a, j);
          w[j - lo] = Math.max(0, ov);
          sum += w[j - lo];
        }
        if (sum <= 0) { // degenerate interval: take the cell it sits in
          java.util.Arrays.fill(w, 0);
          w[0] = 1;
          sum = 1;
        }
        for (int j = 0; j < w.length; j++) w[j] /= sum;
        first[o] = lo;
        weights[o] = w;
      }
    }

    int firstCell() {
      return first[0];
    }

    int endCell() {
      int end = 0;
      for (int o = 0; o < first.length; o++) end = Math.max(end, first[o] + weights[o].length);
      return end;
    }
  }
}
