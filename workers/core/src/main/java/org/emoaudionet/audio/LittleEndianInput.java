package org.emoaudionet.audio;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/** Little-endian reads over a stream that count the bytes consumed and stop at end of file. */
final class LittleEndianInput {
  private final InputStream in;
  private long position;

  LittleEndianInput(InputStream in, long position) {
    this.in = in;
    this.position = position;
  }

  long position() {
    return position;
  }

  /** Reads up to {@code buf.length - off} bytes, fewer only at end of file. */
  int readUpTo(byte[] buf, int off, int len) throws IOException {
    int total = 0;
    while (total < len) {
      int r = in.read(buf, off + total, len - total);
      if (r < 0) {
        break;
      }
      total += r;
    }
    position += total;
    return total;
  }

  void readFully(byte[] buf) throws IOException {
    if (readUpTo(buf, 0, buf.length) < buf.length) {
      throw new EOFException();
    }
  }

  /** Skips {@code n} bytes; returns how many were really skipped (fewer only at end of file). */
  long skip(long n) throws IOException {
    long done = 0;
    byte[] scratch = null;
    while (done < n) {
      long s = in.skip(n - done);
      if (s <= 0) {
        // InputStream.skip may return 0 before EOF: fall back to reading
        if (scratch == null) {
          scratch = new byte[8192];
        }
        int r = in.read(scratch, 0, (int) Math.min(scratch.length, n - done));
        if (r < 0) {
          break;
        }
        s = r;
      }
      done += s;
    }
    position += done;
    return done;
  }

  static int u16(byte[] b, int off) {
    return (b[off] & 0xFF) | (b[off + 1] & 0xFF) << 8;
  }

  static long u32(byte[] b, int off) {
    return (u16(b, off) | (long) u16(b, off + 2) << 16) & 0xFFFFFFFFL;
  }

  static long u64(byte[] b, int off) {
    return u32(b, off) | u32(b, off + 4) << 32;
  }
}
