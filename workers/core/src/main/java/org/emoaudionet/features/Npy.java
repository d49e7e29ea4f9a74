package org.emoaudionet.features;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.BufferedOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * NumPy {@code .npy} files (format 1.0; 2.0 and 3.0 are read too), C order, any shape. Written:
 * little-endian float32 ({@link #write}) or float64 ({@link #writeDoubles}). Read: float32,
 * float64, int8/16/32/64, uint8, either byte order, C or Fortran order, into doubles in C
 * order.
 */
public final class Npy {
  private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
  private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
  private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
  private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

  /** A read array: its shape and its values in C order. */
  public record NpyArray(int[] shape, double[] data) {
    public int size() {
      return data.length;
    }

    /** The value at a C-order multi-index. */
    public double get(int... index) {
      if (index.length != shape.length) {
        throw new IllegalArgumentException(index.length + " indices for a " + shape.length + "-d array");
      }
      int flat = 0;
      for (int i = 0; i < shape.length; i++) {
        if (index[i] < 0 || index[i] >= shape[i]) {
          throw new IndexOutOfBoundsException("index " + index[i] + " of axis " + i + " (size " + shape[i] + ")");
        }
        flat = flat * shape[i] + index[i];
      }
      return data[flat];
    }

    /** A 2-d array as rows. */
    public double[][] matrix() {
      if (shape.length != 2) throw new IllegalStateException("not 2-d: shape " + java.util.Arrays.toString(shape));
      double[][] out = new double[shape[0]][shape[1]];
      for (int r = 0; r < shape[0]; r++) System.arraycopy(data, r * shape[1], out[r], 0, shape[1]);
      return out;
    }

    public float[] floats() {
      float[] out = new float[data.length];
      for (int i = 0; i < data.length; i++) out[i] = (float) data[i];
      return out;
    }
  }

  private Npy() {}

  /** Writes float32 data of the given shape (no shape: 1-d of data.length). */
  public static void write(Path file, float[] data, int... shape) throws IOException {
    shape = checkShape(file, data.length, shape);
    ByteBuffer buf = ByteBuffer.allocate(4 * data.length).order(ByteOrder.LITTLE_ENDIAN);
    for (float v : data) buf.putFloat(v);
    writeRaw(file, "<f4", shape, buf.array());
  }

  /** Writes float64 data of the given shape (no shape: 1-d of data.length). */
  public static void writeDoubles(Path file, double[] data, int... shape) throws IOException {
    shape = checkShape(file, data.length, shape);
    ByteBuffer buf = ByteBuffer.allocate(8 * data.length).order(ByteOrder.LITTLE_ENDIAN);
    for (double v : data) buf.putDouble(v);
    writeRaw(file, "<f8", shape, buf.array());
  }

  public static NpyArray read(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, file.toString());
    }
  }

  public static NpyArray read(InputStream in, String source) throws IOException {
    byte[] magic = in.readNBytes(8);
    if (magic.length < 8) throw new IOException(source + ": not a .npy file (too short)");
    for (int i = 0; i < MAGIC.length; i++) {
      if (magic[i] != MAGIC[i]) throw new IOException(source + ": not a .npy file (bad magic)");
    }
    int major = magic[6] & 0xff;
    int headerLen;
    if (major == 1) {
      byte[] l = in.readNBytes(2);
      headerLen = (l[0] & 0xff) | (l[1] & 0xff) << 8;
    } else if (major == 2 || major == 3) {
      byte[] l = in.readNBytes(4);
      headerLen = ByteBuffer.wrap(l).order(ByteOrder.LITTLE_ENDIAN).getInt();
    } else {
      throw new IOException(source + ": unsupported .npy version " + major + "." + (magic[7] & 0xff));
    }
    byte[] hb = in.readNBytes(headerLen);
    if (hb.length < headerLen) throw new IOException(source + ": truncated .npy header");
    String header = new String(hb, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
    String descr = group(DESCR, header, source, "descr");
    boolean fortran = group(FORTRAN, header, source, "fortran_order").equals("True");
    int[] shape = parseShape(group(SHAPE, header, source, "shape"), source);
    long count = 1;
    for (int s : shape) count *= s;
    if (count > Integer.MAX_VALUE) throw new IOException(source + ": array too large (" + count + " values)");
    char order = descr.charAt(0);
    String type = descr.substring(1);
    int width = switch (type) {
      case "f4", "i4" -> 4;
      case "f8", "i8" -> 8;
      case "i2" -> 2;
      case "u1", "i1", "b1" -> 1;
      default -> throw new IOException(source + ": unsupported dtype '" + descr + "'");
    };
    ByteOrder bo = order == '>' ? ByteOrder.BIG_ENDIAN : order == '<' || order == '|' || order == '='
        ? ByteOrder.LITTLE_ENDIAN : null;
    if (bo == null) throw new IOException(source + ": unsupported byte order in dtype '" + descr + "'");
    byte[] raw = in.readNBytes((int) count * width);
    if (raw.length < count * width) {
      throw new IOException(source + ": truncated data (" + raw.length + " of " + count * width + " bytes)");
    }
    ByteBuffer buf = ByteBuffer.wrap(raw).order(bo);
    double[] data = new double[(int) count];
    for (int i = 0; i < data.length; i++) {
      data[i] = switch (type) {
        case "f4" -> buf.getFloat();
        case "f8" -> buf.getDouble();
        case "i4" -> buf.getInt();
        case "i8" -> buf.getLong();
        case "i2" -> buf.getShort();
        case "i1" -> buf.get();
        default -> buf.get() & 0xff; // u1, b1
      };
    }
    return new NpyArray(shape, fortran ? fortranToC(data, shape) : data);
  }

  /** Reorders values stored in Fortran order (first index fastest) into C order. */
  private static double[] fortranToC(double[] f, int[] shape) {
    int d = shape.length;
    int[] cStride = new int[d];
    for (int k = d - 1, s = 1; k >= 0; k--) {
      cStride[k] = s;
      s *= shape[k];
    }
    double[] c = new double[f.length];
    int[] idx = new int[d];
    for (int p = 0; p < f.length; p++) {
      int q = 0;
      for (int k = 0; k < d; k++) q += idx[k] * cStride[k];
      c[q] = f[p];
      for (int k = 0; k < d && ++idx[k] == shape[k]; k++) idx[k] = 0;
    }
    return c;
  }

  private static int[] checkShape(Path file, int length, int[] shape) {
    if (shape == null || shape.length == 0) return new int[] {length};
    long n = 1;
    for (int s : shape) {
      if (s < 0) throw new IllegalArgumentException(file + ": negative dimension in shape " + java.util.Arrays.toString(shape));
      n *= s;
    }
    if (n != length) {
      throw new IllegalArgumentException(file + ": shape " + java.util.Arrays.toString(shape) + " holds " + n
          + " values, data has " + length);
    }
    return shape.clone();
  }

  private static void writeRaw(Path file, String descr, int[] shape, byte[] body) throws IOException {
    StringBuilder sh = new StringBuilder("(");
    for (int i = 0; i < shape.length; i++) {
      if (i > 0) sh.append(", ");
      sh.append(shape[i]);
    }
    if (shape.length == 1) sh.append(',');
    sh.append(')');
    String dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + sh + ", }";
    // numpy pads the header with spaces and a newline so the data starts at a multiple of 64.
    int total = 10 + dict.length() + 1;
    int pad = (64 - total % 64) % 64;
    String header = dict + " ".repeat(pad) + "\n";
    if (header.length() > 65535) throw new IOException(file + ": shape too long for a .npy 1.0 header");
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) Files.createDirectories(parent);
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
      out.write(MAGIC);
      out.write(1);
      out.write(0);
      out.write(header.length() & 0xff);
      out.write(header.length() >>> 8);
      out.write(header.getBytes(StandardCharsets.ISO_8859_1));
      out.write(body);
    }
  }

  private static String group(Pattern p, String header, String source, String key) throws IOException {
    Matcher m = p.matcher(header);
    if (!m.find()) throw new IOException(source + ": .npy header lacks '" + key + "': " + header.trim());
    return m.group(1);
  }

  private static int[] parseShape(String s, String source) throws IOException {
    List<Integer> dims = new ArrayList<>();
    for (String part : s.split(",")) {
      String t = part.trim();
      if (t.isEmpty()) continue;
      try {
        dims.add(Integer.parseInt(t.endsWith("L") ? t.substring(0, t.length() - 1) : t));
      } catch (NumberFormatException e) {
        throw new IOException(source + ": bad shape '(" + s + ")' in .npy header", e);
      }
    }
    return dims.stream().mapToInt(Integer::intValue).toArray();
  }
}
