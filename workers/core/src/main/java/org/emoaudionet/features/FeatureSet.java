package org.emoaudionet.features;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.emoaudionet.data.Split;
import org.emoaudionet.data.TaskSpec;

/**
 * All segments of a prepared data set, with their split, in one file: what {@code preprocess}
 * and {@code augment} hand to {@code train}. A gzipped binary format with a magic header and a
 * version, so that a stale or foreign file is refused with a clear message.
 */
public record FeatureSet(TaskSpec task, int imageSize, int mfccLength, int mfccChannels,
    List<SegmentFeatures> segments) implements FeatureSource<SegmentFeatures> {
  private static final int MAGIC = 0x454D4F46; // "EMOF"
  /** 2 added the MFCC channel count; version 1 files (one channel) are still read. */
  private static final int VERSION = 2;

  public FeatureSet {
    if (mfccChannels < 1) throw new IllegalArgumentException("mfccChannels must be >= 1, got " + mfccChannels);
    segments = List.copyOf(segments);
  }

  /** A feature set of single-channel MFCC vectors (the paper's input). */
  public FeatureSet(TaskSpec task, int imageSize, int mfccLength, List<SegmentFeatures> segments) {
    this(task, imageSize, mfccLength, 1, segments);
  }

  /** The same metadata with other segments. */
  public FeatureSet withSegments(List<SegmentFeatures> other) {
    return new FeatureSet(task, imageSize, mfccLength, mfccChannels, other);
  }

  @Override
  public List<SegmentFeatures> labels() {
    return segments;
  }

  /** {@code subset} as given, cut into batches. */
  @Override
  public Iterator<List<SegmentFeatures>> pass(List<SegmentFeatures> subset, int batchSize) {
    return batches(subset, batchSize);
  }

  /** {@code Collections.shuffle(copy, new Random(seed))}, then cut: what training always did. */
  @Override
  public Iterator<List<SegmentFeatures>> shuffled(List<SegmentFeatures> subset, int batchSize,
      long seed) {
    List<SegmentFeatures> order = new ArrayList<>(subset);
    Collections.shuffle(order, new Random(seed));
    return batches(order, batchSize);
  }

  private static Iterator<List<SegmentFeatures>> batches(List<SegmentFeatures> l, int batchSize) {
    if (batchSize < 1) throw new IllegalArgumentException("batchSize must be >= 1, got " + batchSize);
    List<List<SegmentFeatures>> out = new ArrayList<>();
    for (int from = 0; from < l.size(); from += batchSize) {
      out.add(l.subList(from, Math.min(l.size(), from + batchSize)));
    }
    return out.iterator();
  }

  public List<SegmentFeatures> split(Split s) {
    List<SegmentFeatures> out = new ArrayList<>();
    for (SegmentFeatures f : segments) if (f.split() == s) out.add(f);
    return Collections.unmodifiableList(out);
  }

  public FeatureSet plus(List<SegmentFeatures> more) {
    List<SegmentFeatures> all = new ArrayList<>(segments);
    all.addAll(more);
    return withSegments(all);
  }

  public void write(Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) Files.createDirectories(parent);
    // A temp name unique to this writer: two runs (or two attempts of one task) filling the same
    // cache entry at once each write their own file, and the last rename wins whole.
    Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(),
        "." + file.getFileName() + ".", ".tmp");
    try {
      try (OutputStream os = Files.newOutputStream(tmp)) {
        write(os);
      }
      Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  public void write(OutputStream raw) throws IOException {
    GZIPOutputStream gz = new GZIPOutputStream(raw);
    DataOutputStream out = new DataOutputStream(new BufferedOutputStream(gz, 1 << 16));
    out.writeInt(MAGIC);
    out.writeInt(VERSION);
    out.writeUTF(task.name());
    out.writeInt(task.classes().size());
    for (String c : task.classes()) out.writeUTF(c);
    writeDoubles(out, task.binCenters());
    writeDoubles(out, task.binEdges());
    out.writeInt(imageSize);
    out.writeInt(mfccLength);
    out.writeInt(mfccChannels);
    out.writeInt(segments.size());
    for (SegmentFeatures s : segments) {
      out.writeUTF(s.recordingId());
      out.writeUTF(s.speaker() == null ? "" : s.speaker());
      out.writeDouble(s.startSeconds());
      out.writeByte(s.split() == null ? -1 : s.split().ordinal());
      out.writeInt(s.classIndex());
      out.writeDouble(s.target());
      out.writeUTF(s.origin());
      for (float v : s.mfcc()) out.writeFloat(v);
      out.write(s.image());
    }
    out.flush();
    gz.finish();
  }

  public static FeatureSet read(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, file.toString());
    }
  }

  public static FeatureSet read(InputStream raw, String source) throws IOException {
    DataInputStream in;
    try {
      in = new DataInputStream(new BufferedInputStream(new GZIPInputStream(raw), 1 << 16));
    } catch (java.util.zip.ZipException e) {
      throw new IOException(source + ": not a feature set (not gzip)", e);
    }
    if (in.readInt() != MAGIC) throw new IOException(source + ": not a feature set (bad magic)");
    int version = in.readInt();
    if (version != VERSION && version != 1) {
      throw new IOException(source + ": feature set version " + version + ", expected " + VERSION);
    }
    String name = in.readUTF();
    int nClasses = in.readInt();
    List<String> classes = new ArrayList<>();
    for (int i = 0; i < nClasses; i++) classes.add(in.readUTF());
    double[] centres = readDoubles(in);
    double[] edges = readDoubles(in);
    TaskSpec task = new TaskSpec(name, classes, centres, edges);
    int imageSize = in.readInt();
    int mfccLength = in.readInt();
    int mfccChannels = version >= 2 ? in.readInt() : 1;
    int mfccValues = mfccLength * mfccChannels;
    int n = in.readInt();
    List<SegmentFeatures> segs = new ArrayList<>(n);
    Split[] splits = Split.values();
    for (int i = 0; i < n; i++) {
      String rec = in.readUTF();
      String spk = in.readUTF();
      double start = in.readDouble();
      int sp = in.readByte();
      int cls = in.readInt();
      double target = in.readDouble();
      String origin = in.readUTF();
      float[] mfcc = new float[mfccValues];
      for (int j = 0; j < mfccValues; j++) mfcc[j] = in.readFloat();
      byte[] img = new byte[3 * imageSize * imageSize];
      in.readFully(img);
      segs.add(new SegmentFeatures(rec, spk.isEmpty() ? null : spk, start, sp < 0 ? null : splits[sp], cls,
          target, mfcc, img, origin));
    }
    return new FeatureSet(task, imageSize, mfccLength, mfccChannels, segs);
  }

  private static void writeDoubles(DataOutputStream out, double[] a) throws IOException {
    if (a == null) {
      out.writeInt(-1);
      return;
    }
    out.writeInt(a.length);
    for (double d : a) out.writeDouble(d);
  }

  private static double[] readDoubles(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0) return null;
    double[] a = new double[n];
    for (int i = 0; i < n; i++) a[i] = in.readDouble();
    return a;
  }
}
