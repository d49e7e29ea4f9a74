package org.emoaudionet.audio;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Builds synthetic WAV files byte by byte, so each header variant can be tested. */
final class WavBytes {
  private final ByteArrayOutputStream body = new ByteArrayOutputStream();
  private long riffSize = -1;

  static byte[] le(int bytes, long... values) {
    ByteBuffer b = ByteBuffer.allocate(bytes * values.length).order(ByteOrder.LITTLE_ENDIAN);
    for (long v : values) {
      for (int i = 0; i < bytes; i++) {
        b.put((byte) (v >> (8 * i)));
      }
    }
    return b.array();
  }

  static byte[] floats(float... v) {
    ByteBuffer b = ByteBuffer.allocate(4 * v.length).order(ByteOrder.LITTLE_ENDIAN);
    for (float f : v) {
      b.putFloat(f);
    }
    return b.array();
  }

  static byte[] doubles(double... v) {
    ByteBuffer b = ByteBuffer.allocate(8 * v.length).order(ByteOrder.LITTLE_ENDIAN);
    for (double f : v) {
      b.putDouble(f);
    }
    return b.array();
  }

  /** A plain 16-byte fmt chunk. */
  WavBytes fmt(int tag, int channels, int rate, int bits) {
    int block = channels * ((bits + 7) / 8);
    return chunk("fmt ", concat(le(2, tag, channels), le(4, rate, (long) rate * block),
        le(2, block, bits)));
  }

  /** A 40-byte WAVE_FORMAT_EXTENSIBLE fmt chunk with the given sub-format tag. */
  WavBytes fmtExtensible(int subTag, int channels, int rate, int containerBits, int validBits) {
    int block = channels * containerBits / 8;
    byte[] guidTail = {0x00, 0x00, 0x00, 0x00, 0x10, 0x00, (byte) 0x80, 0x00, 0x00, (byte) 0xAA,
      0x00, 0x38, (byte) 0x9B, 0x71};
    return chunk("fmt ", concat(le(2, 0xFFFE, channels), le(4, rate, (long) rate * block),
        le(2, block, containerBits, 22, validBits), le(4, 0), le(2, subTag), guidTail));
  }

  WavBytes chunk(String id, byte[] data) {
    return chunk(id, data.length, data);
  }

  /** A chunk whose declared size may differ from the bytes that follow; odd sizes get a pad. */
  WavBytes chunk(String id, long declaredSize, byte[] data) {
    body.writeBytes(id.getBytes(StandardCharsets.US_ASCII));
    body.writeBytes(le(4, declaredSize));
    body.writeBytes(data);
    if ((data.length & 1) == 1 && declaredSize == data.length) {
      body.write(0);
    }
    return this;
  }

  WavBytes riffSize(long size) {
    riffSize = size;
    return this;
  }

  byte[] build() {
    byte[] b = body.toByteArray();
    return concat("RIFF".getBytes(StandardCharsets.US_ASCII),
        le(4, riffSize >= 0 ? riffSize : 4 + b.length), "WAVE".getBytes(StandardCharsets.US_ASCII),
        b);
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }
}
