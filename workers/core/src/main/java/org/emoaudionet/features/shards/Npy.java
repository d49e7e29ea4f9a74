package org.emoaudionet.features.shards;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * NumPy's {@code .npy} format, version 1.0, for the few dtypes feature shards hold: little-endian
 * {@code <f4}, {@code <f8}, {@code <i4}, bytes {@code |u1} and fixed-width unicode
 * {@code <U<n>} (UTF-32LE, NUL-padded). {@code numpy.load} reads what {@link #write} writes;
 * {@link #read} reads those and refuses anything else, naming the entry.
 */
public final class Npy {
  private Npy() {}

  private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
  private static final Pattern DESCR = Pattern.compile("'descr':\\s*'([^']+)'");
  private static final Pattern FORTRAN = Pattern.compile("'fortran_order':\\s*(True|False)");
  private static final Pattern SHAPE = Pattern.compile("'shape':\\s*\\(([^)]*)\\)");

  /** One array: its dtype, shape and raw little-endian data (C order). */
  public record Array(String descr, int[] shape, byte[] data) {
    public long count() {
      long n = 1;
      for (int d : shape) n *= d;
      return n;
    }

    public float[] floats() {
      require("<f4");
      float[] out = new float[(int) count()];
      ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out);
      return out;
    }

    public double[] doubles() {
      require("<f8");
      double[] out = new double[(int) count()];
      ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().get(out);
      return out;
    }

    public int[] ints() {
      require("<i4");
      int[] out = new int[(int) count()];
      ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer().get(out);
      return out;
    }

    public String[] strings() {
      if (!descr.startsWith("<U")) throw new IllegalStateException("not a unicode array: " + descr);
      int width = Integer.parseInt(descr.substring(2));
      String[] out = new String[(int) count()];
      ByteBuffer b = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
      for (int i = 0; i < out.length; i++) {
        StringBuilder sb = new StringBuilder();
        for (int j = 0; j < width; j++) {
          int cp = b.getInt();
          if (cp != 0) sb.appendCodePoint(cp);
        }
        out[i] = sb.toString();
      }
      return out;
    }

    private void require(String d) {
      if (!descr.equals(d)) throw new IllegalStateException("dtype " + descr + ", expected " + d);
    }
  }

  public static Array of(float[] v, int... shape) {
    ByteBuffer b = ByteBuffer.allocate(4 * v.length).order(ByteOrder.LITTLE_ENDIAN);
    b.asFloatBuffer().put(v);
    return new Array("<f4", shape, b.array());
  }

  public static Array of(double[] v, int... shape) {
    ByteBuffer b = ByteBuffer.allocate(8 * v.length).order(ByteOrder.LITTLE_ENDIAN);
    b.asDoubleBuffer().put(v);
    return new Array("<f8", shape, b.array());
  }

  public static Array of(int[] v, int... shape) {
    ByteBuffer b = ByteBuffer.allocate(4 * v.length).order(ByteOrder.LITTLE_ENDIAN);
    b.asIntBuffer().put(v);
    return new Array("<i4", shape, b.array());
  }

  public static Array ofBytes(byte[] v, int... shape) {
    return new Array("|u1", shape, v);
  }

  /** Fixed-width unicode, as wide as the longest string (at least 1). */
  public static Array of(String[] v) {
    int width = 1;
    for (String s : v) width = Math.max(width, s.codePointCount(0, s.length()));
    ByteBuffer b = ByteBuffer.allocate(4 * width * v.length).order(ByteOrder.LITTLE_ENDIAN);
    for (String s : v) {
      int[] cps = s.codePoints().toArray();
      for (int j = 0; j < width; j++) b.putInt(j < cps.length ? cps[j] : 0);
    }
    return new Array("<U" + width, new int[] {v.length}, b.array());
  }

  public static void write(OutputStream out, Array a) throws IOException {
    StringBuilder shape = new StringBuilder();
    for (int d : a.shape()) shape.append(d).append(", ");
    if (a.shape().length > 1) shape.setLength(shape.length() - 2);
    String dict = "{'descr': '" + a.descr() + "', 'fortran_order': False, 'shape': (" + shape + "), }";
    // magic (6) + version (2) + length (2) + header: padded with spaces to a multiple of 64
    int total = 10 + dict.length() + 1;
    int pad = (64 - total % 64) % 64;
    String header = dict + " ".repeat(pad) + "\n";
    out.write(MAGIC);
    out.write(new byte[] {1, 0});
    int len = header.length();
    out.write(new byte[] {(byte) (len & 0xff), (byte) (len >>> 8)});
    out.write(header.getBytes(StandardCharsets.ISO_8859_1));
    out.write(a.data());
  }

  /** @param name how errors name the array (the shard file and entry) */
  public static Array read(InputStream raw, String name) throws IOException {
    DataInputStream in = new DataInputStream(raw);
    byte[] magic = new byte[6];
    in.readFully(magic);
    if (!Arrays.equals(magic, MAGIC)) throw new IOException(name + ": not an .npy array");
    int major = in.readUnsignedByte();
    in.readUnsignedByte();
    if (major != 1) throw new IOException(name + ": .npy version " + major + " is not read here");
    int len = in.readUnsignedByte() | (in.readUnsignedByte() << 8);
    byte[] h = new byte[len];
    in.readFully(h);
    String header = new String(h, StandardCharsets.ISO_8859_1);
    Matcher d = DESCR.matcher(header);
    Matcher f = FORTRAN.matcher(header);
    Matcher s = SHAPE.matcher(header);
    if (!d.find() || !f.find() || !s.find()) throw new IOException(name + ": bad .npy header " + header.strip());
    if (f.group(1).equals("True")) throw new IOException(name + ": Fortran order is not read here");
    String descr = d.group(1);
    int item = switch (descr) {
      case "<f4", "<i4" -> 4;
      case "<f8" -> 8;
      case "|u1" -> 1;
      default -> {
        if (descr.matches("<U\\d+")) yield 4 * Integer.parseInt(descr.substring(2));
        throw new IOException(name + ": dtype " + descr + " is not read here");
      }
    };
    String[] dims = s.group(1).split(",");
    int[] shape = Arrays.stream(dims).map(String::strip).filter(x -> !x.isEmpty())
        .mapToInt(Integer::parseInt).toArray();
    long n = 1;
    for (int x : shape) n *= x;
    if (n * item > Integer.MAX_VALUE) throw new IOException(name + ": array too large for one shard");
    byte[] data = new byte[(int) (n * item)];
    in.readFully(data);
    return new Array(descr, shape, data);
  }
}
