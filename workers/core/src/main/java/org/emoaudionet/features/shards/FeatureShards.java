package org.emoaudionet.features.shards;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.emoaudionet.data.Split;
import org.emoaudionet.features.FeatureSet;
import org.emoaudionet.features.SegmentFeatures;

/**
 * A prepared data set as fixed-size shards that numpy reads: {@code shards.json} (a
 * {@link ShardIndex}) and {@code shard-00000.npz}, ... each an {@code .npz} (a zip of
 * {@code .npy} arrays, {@link Npy}) of up to {@code perShard} segments:
 *
 * <pre>
 * mfcc          float32 [n, mfcc_channels * mfcc_length]   the MFCC branch input
 * image         uint8   [n, 3, image_size, image_size]     the spectrogram image, channel-major
 * class_index   int32   [n]                                into shards.json's classes
 * target        float64 [n]                                continuous target, NaN if none
 * start_seconds float64 [n]
 * recording_id, speaker, split, origin   unicode [n]       "" for a missing speaker or split
 * </pre>
 *
 * In Python: {@code z = numpy.load("shard-00000.npz"); z["image"].shape}. Reading here is one
 * shard at a time ({@link #read(Path, int)}), each checked against its SHA-256 first.
 */
public final class FeatureShards {
  private FeatureShards() {}

  public static final String FORMAT = "emo-feature-shards/1";
  public static final String INDEX = "shards.json";
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** Writes {@code set} into {@code dir} (created) in shards of {@code perShard} segments. */
  public static ShardIndex write(FeatureSet set, Path dir, int perShard) throws IOException {
    try (ShardWriter w = new ShardWriter(dir, set.task(), set.imageSize(), set.mfccLength(),
        set.mfccChannels(), perShard)) {
      for (SegmentFeatures s : set.segments()) w.add(s);
      return w.finish();
    }
  }

  /** One shard's bytes and their SHA-256: what {@link ShardWriter} writes for {@code part}. */
  static ShardIndex.Shard writeShard(Path dir, String file, ShardIndex meta,
      List<SegmentFeatures> part) throws IOException {
    byte[] bytes = npz(meta, part);
    Path tmp = dir.resolve("." + file + ".tmp");
    Files.write(tmp, bytes);
    Files.move(tmp, dir.resolve(file), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    return new ShardIndex.Shard(file, part.size(), sha256(bytes));
  }

  /**
   * Writes {@code index} as {@code dir/shards.json} (atomically): also how a fanned-out
   * preparation joins shards written by several workers into one data set.
   */
  public static void writeIndex(Path dir, ShardIndex index) throws IOException {
    Path tmp = dir.resolve("." + INDEX + ".tmp");
    JSON.writeValue(tmp.toFile(), index);
    Files.move(tmp, dir.resolve(INDEX), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  public static ShardIndex index(Path dir) throws IOException {
    return index(dir, INDEX);
  }

  /** An index under another name in {@code dir} (one being fetched, not yet in place). */
  public static ShardIndex index(Path dir, String name) throws IOException {
    Path f = dir.resolve(name);
    if (!Files.isRegularFile(f)) throw new IOException(f + ": no shard index (not a shard folder)");
    ShardIndex index = JSON.readValue(f.toFile(), ShardIndex.class);
    if (!FORMAT.equals(index.format())) {
      throw new IOException(f + ": format '" + index.format() + "', this reader reads " + FORMAT);
    }
    return index;
  }

  /** The segments of shard {@code i}, after its checksum matched the index's. */
  public static List<SegmentFeatures> read(Path dir, int i) throws IOException {
    return read(dir, index(dir), i);
  }

  /** The same with the index already read (a stream reads it once, not once per shard). */
  public static List<SegmentFeatures> read(Path dir, ShardIndex index, int i) throws IOException {
    if (i < 0 || i >= index.shards().size()) {
      throw new IndexOutOfBoundsException("shard " + i + " of " + index.shards().size());
    }
    ShardIndex.Shard shard = index.shards().get(i);
    Path file = dir.resolve(shard.file());
    byte[] bytes = Files.readAllBytes(file);
    String got = sha256(bytes);
    if (!got.equals(shard.sha256())) {
      throw new IOException(file + ": sha256 " + got + " does not match " + INDEX + "'s "
          + shard.sha256() + " (changed or cut short)");
    }
    Map<String, Npy.Array> arrays = new LinkedHashMap<>();
    try (ZipInputStream zip = new ZipInputStream(new java.io.ByteArrayInputStream(bytes))) {
      for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
        String name = e.getName().replaceFirst("\\.npy$", "");
        arrays.put(name, Npy.read(zip, file + "!" + e.getName()));
      }
    }
    return segments(arrays, shard.segments(), index, file);
  }

  private static final List<String> LABEL_ARRAYS = List.of("class_index", "target",
      "start_seconds", "recording_id", "speaker", "split", "origin");

  /**
   * The labels of shard {@code i} without its inputs: the small arrays only (written first), so
   * listing a data set's labels reads a few bytes per segment. Rows are numbered from
   * {@code firstRow}. The checksum is checked when the inputs are read ({@link #read}).
   */
  public static List<SegmentKey> labels(Path dir, ShardIndex index, int i, int firstRow)
      throws IOException {
    ShardIndex.Shard shard = index.shards().get(i);
    Path file = dir.resolve(shard.file());
    Map<String, Npy.Array> a = new LinkedHashMap<>();
    try (ZipInputStream zip = new ZipInputStream(
        new java.io.BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
      for (ZipEntry e; a.size() < LABEL_ARRAYS.size() && (e = zip.getNextEntry()) != null; ) {
        String name = e.getName().replaceFirst("\\.npy$", "");
        if (LABEL_ARRAYS.contains(name)) a.put(name, Npy.read(zip, file + "!" + e.getName()));
      }
    } catch (java.nio.file.NoSuchFileException e) {
      throw new IOException(file + ": listed in " + INDEX + " but missing", e);
    }
    return keys(a, shard.segments(), firstRow, file);
  }

  /** The label arrays of one shard as {@link SegmentKey}s, rows from {@code firstRow}. */
  private static List<SegmentKey> keys(Map<String, Npy.Array> a, int n, int firstRow, Path file)
      throws IOException {
    for (String k : LABEL_ARRAYS) {
      if (!a.containsKey(k)) throw new IOException(file + ": no array '" + k + "'");
    }
    int[] cls = a.get("class_index").ints();
    double[] target = a.get("target").doubles();
    double[] start = a.get("start_seconds").doubles();
    String[] rec = a.get("recording_id").strings();
    String[] spk = a.get("speaker").strings();
    String[] split = a.get("split").strings();
    String[] origin = a.get("origin").strings();
    if (cls.length != n) {
      throw new IOException(file + ": " + cls.length + " labels, " + INDEX + " says " + n);
    }
    List<SegmentKey> out = new ArrayList<>(n);
    for (int r = 0; r < n; r++) {
      out.add(new SegmentKey(firstRow + r, rec[r], spk[r].isEmpty() ? null : spk[r], start[r],
          split[r].isEmpty() ? null : Split.valueOf(split[r]), cls[r], target[r], origin[r]));
    }
    return out;
  }

  private static List<SegmentFeatures> segments(Map<String, Npy.Array> a, int n, ShardIndex index,
      Path file) throws IOException {
    List<SegmentKey> keys = keys(a, n, 0, file);
    for (String k : List.of("mfcc", "image")) {
      if (!a.containsKey(k)) throw new IOException(file + ": no array '" + k + "'");
    }
    int values = index.mfccChannels() * index.mfccLength();
    int pixels = 3 * index.imageSize() * index.imageSize();
    float[] mfcc = a.get("mfcc").floats();
    byte[] image = a.get("image").data();
    if (mfcc.length != n * values || image.length != n * pixels) {
      throw new IOException(file + ": mfcc or image size does not match " + n + " segments");
    }
    List<SegmentFeatures> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      float[] m = new float[values];
      System.arraycopy(mfcc, i * values, m, 0, values);
      byte[] img = new byte[pixels];
      System.arraycopy(image, i * pixels, img, 0, pixels);
      SegmentKey k = keys.get(i);
      out.add(new SegmentFeatures(k.recordingId(), k.speaker(), k.startSeconds(), k.split(),
          k.classIndex(), k.target(), m, img, k.origin()));
    }
    return out;
  }

  private static byte[] npz(ShardIndex set, List<SegmentFeatures> part) throws IOException {
    int n = part.size();
    int values = set.mfccChannels() * set.mfccLength();
    int pixels = 3 * set.imageSize() * set.imageSize();
    float[] mfcc = new float[n * values];
    byte[] image = new byte[n * pixels];
    int[] cls = new int[n];
    double[] target = new double[n];
    double[] start = new double[n];
    String[] rec = new String[n];
    String[] spk = new String[n];
    String[] split = new String[n];
    String[] origin = new String[n];
    for (int i = 0; i < n; i++) {
      SegmentFeatures s = part.get(i);
      if (s.mfcc().length != values || s.image().length != pixels) {
        throw new IllegalArgumentException("segment " + s.recordingId() + "@" + s.startSeconds()
            + " has " + s.mfcc().length + " MFCC values and " + s.image().length
            + " image bytes; the set says " + values + " and " + pixels);
      }
      System.arraycopy(s.mfcc(), 0, mfcc, i * values, values);
      System.arraycopy(s.image(), 0, image, i * pixels, pixels);
      cls[i] = s.classIndex();
      target[i] = s.target();
      start[i] = s.startSeconds();
      rec[i] = s.recordingId();
      spk[i] = s.speaker() == null ? "" : s.speaker();
      split[i] = s.split() == null ? "" : s.split().name();
      origin[i] = s.origin();
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      // The small arrays first: a reader after labels only (ShardedFeatures) stops before mfcc.
      entry(zip, "class_index", Npy.of(cls, n));
      entry(zip, "target", Npy.of(target, n));
      entry(zip, "start_seconds", Npy.of(start, n));
      entry(zip, "recording_id", Npy.of(rec));
      entry(zip, "speaker", Npy.of(spk));
      entry(zip, "split", Npy.of(split));
      entry(zip, "origin", Npy.of(origin));
      entry(zip, "mfcc", Npy.of(mfcc, n, values));
      entry(zip, "image", Npy.ofBytes(image, n, 3, set.imageSize(), set.imageSize()));
    }
    return bytes.toByteArray();
  }

  private static void entry(ZipOutputStream zip, String name, Npy.Array a) throws IOException {
    // a fixed time: the same segments give the same bytes, so the same SHA-256
    ZipEntry e = new ZipEntry(name + ".npy");
    e.setTime(315532800000L); // 1980-01-01, zip's epoch
    zip.putNextEntry(e);
    Npy.write(zip, a);
    zip.closeEntry();
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
