package org.emoaudionet.audio;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.Arrays;
import org.jflac.ChannelData;
import org.jflac.FLACDecoder;
import org.jflac.frame.Frame;

/**
 * FLAC to mono via jflac's frame decoder. The metadata blocks are walked here, not by jflac: only
 * STREAMINFO is handed on, so oversized comment or picture blocks in a hostile file are skipped
 * without allocating what they declare.
 */
final class FlacDecoder {
  private static final int STREAMINFO = 0;
  private static final int STREAMINFO_BYTES = 34;

  private FlacDecoder() {}

  static AudioClip decode(InputStream stream, long fileSize, String source, AudioLimits limits)
      throws IOException {
    LittleEndianInput in = new LittleEndianInput(stream, 0);
    byte[] magic = new byte[4];
    try {
      in.readFully(magic);
      if (AudioReader.ascii(magic, 0, 3).equals("ID3")) {
        skipId3(in, magic, fileSize, source);
        in.readFully(magic);
      }
    } catch (EOFException e) {
      throw new AudioFormatException(source, "truncated FLAC header", e);
    }
    if (!AudioReader.fourcc(magic, 0).equals("fLaC")) {
      throw new AudioFormatException(source, "ID3 tag is not followed by a FLAC stream");
    }
    byte[] info = readStreamInfo(in, fileSize, source);
    int rate = (info[10] & 0xFF) << 12 | (info[11] & 0xFF) << 4 | (info[12] & 0xF0) >> 4;
    int channels = ((info[12] & 0x0E) >> 1) + 1;
    int bits = ((info[12] & 0x01) << 4 | (info[13] & 0xF0) >> 4) + 1;
    long total = (info[13] & 0x0FL) << 32 | LittleEndianInput.u32(
        new byte[] {info[17], info[16], info[15], info[14]}, 0);
    AudioLimits.checkRate(rate, source, "FLAC STREAMINFO");
    if (bits < 4 || bits > 24) {
      throw new AudioFormatException(source, "unsupported FLAC sample size " + bits
          + " bits (4..24 are decoded)");
    }
    limits.checkFrames(total, rate, source, "FLAC STREAMINFO declares");
    // a total of 0 means "not known": the decoded length is bounded by the same limit below
    long limit = Math.min(limits.maxFrames(rate), Math.max(1 << 20, fileSize * 4096L));
    if (total > limit) {
      throw new AudioFormatException(source, "FLAC declares " + total
          + " samples, more than a file of " + fileSize + " bytes can hold (limit " + limit + ")");
    }
    byte[] prefix = new byte[8 + STREAMINFO_BYTES];
    System.arraycopy("fLaC".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), 0, prefix, 0, 4);
    prefix[4] = (byte) 0x80; // STREAMINFO, marked as the last metadata block
    prefix[7] = STREAMINFO_BYTES;
    System.arraycopy(info, 0, prefix, 8, STREAMINFO_BYTES);
    FLACDecoder decoder = new FLACDecoder(new EofGuard(
        new SequenceInputStream(new ByteArrayInputStream(prefix), stream)));
    try {
      return frames(decoder, source, rate, channels, bits, total, limit, limits);
    } catch (EofGuard.StuckAtEof e) {
      throw new AudioFormatException(source, "truncated or corrupt FLAC: the decoder "
          + "found no complete frame before the end of the file", e);
    }
  }

  private static AudioClip frames(FLACDecoder decoder, String source, int rate, int channels,
      int bits, long total, long limit, AudioLimits limits) throws IOException {
    decoder.readMetadata();
    float[] out = new float[(int) Math.min(Math.max(total, 4096), 1 << 20)];
    int n = 0;
    double scale = 1.0 / (1L << (bits - 1));
    while (true) {
      Frame frame = decoder.readNextFrame();
      if (frame == null) {
        break;
      }
      int block = frame.header.blockSize;
      ChannelData[] data = decoder.getChannelData();
      if (n + (long) block > limit) {
        limits.checkFrames(n + (long) block, rate, source, "FLAC decodes to at least");
        throw new AudioFormatException(source, "FLAC decodes to more than " + limit + " samples");
      }
      if (n + block > out.length) {
        out = Arrays.copyOf(out, (int) Math.min(limit, Math.max(n + block, out.length * 3L / 2)));
      }
      for (int i = 0; i < block; i++) {
        long sum = 0;
        for (int c = 0; c < channels; c++) {
          sum += data[c].getOutput()[i];
        }
        out[n + i] = (float) (sum * scale / channels);
      }
      n += block;
    }
    if (decoder.getBadFrames() > 0) {
      throw new AudioFormatException(source, "corrupt FLAC: " + decoder.getBadFrames()
          + " frames failed to decode (CRC or syntax error)");
    }
    if (total > 0 && n < total) {
      throw new AudioFormatException(source, "truncated FLAC: " + n + " of " + total
          + " samples decoded");
    }
    return new AudioClip(Arrays.copyOf(out, n), rate, source);
  }

  /**
   * jflac turns an end of file inside a frame into a bad frame and searches for the next sync
   * again, forever. Once the stream has answered "end of file" a few times, this throws an
   * unchecked exception that jflac does not catch.
   */
  private static final class EofGuard extends java.io.FilterInputStream {
    private int eofs;

    EofGuard(InputStream in) {
      super(in);
    }

    static final class StuckAtEof extends RuntimeException {
      StuckAtEof() {
        super("end of file reached repeatedly", null, false, false);
      }
    }

    private int check(int r) {
      if (r < 0 && ++eofs > 16) {
        throw new StuckAtEof();
      }
      return r;
    }

    @Override
    public int read() throws IOException {
      return check(super.read());
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      return check(super.read(b, off, len));
    }
  }

  private static byte[] readStreamInfo(LittleEndianInput in, long fileSize, String source)
      throws IOException {
    byte[] info = null;
    byte[] header = new byte[4];
    boolean last = false;
    while (!last) {
      if (in.readUpTo(header, 0, 4) < 4) {
        throw new AudioFormatException(source, "truncated FLAC: metadata ends early");
      }
      last = (header[0] & 0x80) != 0;
      int type = header[0] & 0x7F;
      int len = (header[1] & 0xFF) << 16 | (header[2] & 0xFF) << 8 | (header[3] & 0xFF);
      if (type == 127) {
        throw new AudioFormatException(source, "malformed FLAC: invalid metadata block type 127");
      }
      if (len > fileSize - in.position()) {
        throw new AudioFormatException(source, "truncated FLAC: metadata block of " + len
            + " bytes runs past the end of the file");
      }
      if (type == STREAMINFO) {
        if (len != STREAMINFO_BYTES) {
          throw new AudioFormatException(source, "malformed FLAC: STREAMINFO has " + len
              + " bytes, expected 34");
        }
        info = new byte[len];
        in.readFully(info);
      } else if (in.skip(len) < len) {
        throw new AudioFormatException(source, "truncated FLAC: metadata ends early");
      }
    }
    if (info == null) {
      throw new AudioFormatException(source, "malformed FLAC: no STREAMINFO block");
    }
    return info;
  }

  /** ID3v2 tags (some taggers prepend them to FLAC) have a syncsafe 28-bit size. */
  private static void skipId3(LittleEndianInput in, byte[] first4, long fileSize, String source)
      throws IOException {
    byte[] rest = new byte[6];
    in.readFully(rest);
    int flags = rest[1] & 0xFF;
    long size = (rest[2] & 0x7F) << 21 | (rest[3] & 0x7F) << 14 | (rest[4] & 0x7F) << 7
        | (rest[5] & 0x7F);
    if ((flags & 0x10) != 0) {
      size += 10; // footer
    }
    if (in.skip(size) < size) {
      throw new AudioFormatException(source, "truncated ID3 tag (" + size + " bytes declared, file has "
          + fileSize + ")");
    }
  }
}
