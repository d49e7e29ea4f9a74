package org.emoaudionet.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Named arrays in one file (DJL's NDArray encoding per array, keyed by parameter name): the
 * weights of a block, or an optimiser's per-parameter state. Keyed by name rather than by DJL's
 * per-instance parameter ids so that a rebuilt block can read it back.
 */
public final class ParameterFile {
  private static final int MAGIC = 0x454D4F50; // "EMOP"
  private static final int VERSION = 1;

  private ParameterFile() {}

  /** Writes and fsyncs. */
  public static void write(Path file, Map<String, NDArray> arrays) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
        OutputStream os = java.nio.channels.Channels.newOutputStream(ch);
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(os, 1 << 16))) {
      out.writeInt(MAGIC);
      out.writeInt(VERSION);
      out.writeInt(arrays.size());
      for (Map.Entry<String, NDArray> e : arrays.entrySet()) {
        byte[] bytes = e.getValue().encode();
        out.writeUTF(e.getKey());
        out.writeInt(bytes.length);
        out.write(bytes);
      }
      out.flush();
      ch.force(true);
    }
  }

  /** The parameters of an initialised block, by name, in block order. */
  public static Map<String, NDArray> of(ai.djl.nn.Block block) {
    Map<String, NDArray> out = new LinkedHashMap<>();
    for (Pair<String, Parameter> p : block.getParameters()) out.put(p.getKey(), p.getValue().getArray());
    return out;
  }

  public static Map<String, NDArray> read(Path file, NDManager manager) throws IOException {
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
      if (in.readInt() != MAGIC) throw new IOException(file + ": not a parameter file (bad magic)");
      int version = in.readInt();
      if (version != VERSION) throw new IOException(file + ": parameter file version " + version + ", expected " + VERSION);
      int n = in.readInt();
      Map<String, NDArray> out = new LinkedHashMap<>();
      for (int i = 0; i < n; i++) {
        String name = in.readUTF();
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        out.put(name, NDArray.decode(manager, bytes));
      }
      return out;
    } catch (EOFException e) {
      throw new IOException(file + ": truncated parameter file", e);
    }
  }

  /**
   * Copies {@code source} arrays into the block's parameters of the same name, in place, skipping
   * the names {@code skip} accepts. Every other parameter must be present with the same shape.
   *
   * @return the number of parameters copied
   */
  public static int copyInto(ai.djl.nn.Block block, Map<String, NDArray> source,
      Predicate<String> skip, String sourceName) throws IOException {
    int copied = 0;
    for (Pair<String, Parameter> p : block.getParameters()) {
      if (skip.test(p.getKey())) continue;
      NDArray src = source.get(p.getKey());
      NDArray dst = p.getValue().getArray();
      if (src == null) throw new IOException(sourceName + ": no parameter '" + p.getKey() + "'");
      if (!src.getShape().equals(dst.getShape())) {
        throw new IOException(sourceName + ": parameter '" + p.getKey() + "' has shape "
            + src.getShape() + ", the network expects " + dst.getShape());
      }
      src.copyTo(dst);
      copied++;
    }
    return copied;
  }
}
