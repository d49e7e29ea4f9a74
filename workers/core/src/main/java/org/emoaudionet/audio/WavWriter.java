package org.emoaudionet.audio;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes mono 16-bit PCM WAV. Samples are clipped to [-1, 1] and scaled by 32768 (clamped to
 * 32767), the inverse of {@link AudioReader}'s scaling, so values k/32768 round-trip exactly.
 */
public final class WavWriter {
  private WavWriter() {}

  public static void writePcm16(Path file, float[] samples, int sampleRate) throws IOException {
    try (OutputStream out = Files.newOutputStream(file)) {
      writePcm16(out, samples, sampleRate);
    }
  }

  /** Writes the whole file to {@code out}; flushes but does not close it. */
  public static void writePcm16(OutputStream out, float[] samples, int sampleRate)
      throws IOException {
    if (sampleRate <= 0) {
      throw new IllegalArgumentException("sample rate must be positive, got " + sampleRate);
    }
    long dataBytes = 2L * samples.length;
    if (dataBytes > 0xFFFFFFFFL - 36) {
      throw new IllegalArgumentException(samples.length + " samples do not fit a RIFF WAV file");
    }
    ByteBuffer h = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
    h.put("RIFF".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt((int) (36 + dataBytes))
        .put("WAVEfmt ".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(16)
        .putShort((short) 1).putShort((short) 1).putInt(sampleRate).putInt(sampleRate * 2)
        .putShort((short) 2).putShort((short) 16)
        .put("data".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt((int) dataBytes);
    BufferedOutputStream buffered = new BufferedOutputStream(out, 1 << 16);
    buffered.write(h.array());
    byte[] buf = new byte[8192];
    int p = 0;
    for (float v : samples) {
      int s = toPcm16(v);
      buf[p++] = (byte) s;
      buf[p++] = (byte) (s >> 8);
      if (p == buf.length) {
        buffered.write(buf, 0, p);
        p = 0;
      }
    }
    buffered.write(buf, 0, p);
    buffered.flush();
  }

  static int toPcm16(float v) {
    if (Float.isNaN(v)) {
      return 0;
    }
    double c = Math.max(-1.0, Math.min(1.0, v));
    return (int) Math.max(-32768, Math.min(32767, Math.round(c * 32768)));
  }
}
