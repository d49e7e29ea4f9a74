package org.emoaudionet.audio;

import java.io.IOException;
import java.io.InputStream;

/** RIFF/RF64 WAVE chunk walker and PCM/float sample decoder, downmixing to mono. */
final class WavDecoder {
  private static final long STREAMED = 0xFFFFFFFFL;
  private static final int MAX_FMT_BYTES = 1 << 16;

  private WavDecoder() {}

  static AudioClip decode(InputStream stream, long fileSize, String source, AudioLimits limits)
      throws IOException {
    LittleEndianInput in = new LittleEndianInput(stream, 0);
    byte[] riff = new byte[12];
    in.readFully(riff);
    boolean rf64 = AudioReader.fourcc(riff, 0).equals("RF64");
    WavFormat format = null;
    long ds64DataSize = -1;
    byte[] header = new byte[8];
    while (true) {
      int got = in.readUpTo(header, 0, 8);
      if (got < 8) {
        throw new AudioFormatException(source, format == null
            ? "truncated or malformed WAV: no fmt chunk" : "malformed WAV: no data chunk");
      }
      String id = AudioReader.fourcc(header, 0);
      long size = LittleEndianInput.u32(header, 4);
      long remaining = fileSize - in.position();
      switch (id) {
        case "fmt " -> {
          if (size > MAX_FMT_BYTES || size > remaining) {
            throw new AudioFormatException(source, "truncated or malformed WAV: fmt chunk declares "
                + size + " bytes, " + remaining + " bytes remain");
          }
          byte[] body = new byte[(int) size];
          if (in.readUpTo(body, 0, body.length) < body.length) {
            throw new AudioFormatException(source, "truncated WAV: fmt chunk ends early");
          }
          skipPad(in, size);
          format = WavFormat.parse(body, source);
        }
        case "ds64" -> {
          byte[] body = new byte[(int) Math.min(size, 28)];
          if (size < 16 || size > remaining || in.readUpTo(body, 0, body.length) < body.length) {
            throw new AudioFormatException(source, "malformed RF64 ds64 chunk (" + size + " bytes)");
          }
          in.skip(size - body.length);
          skipPad(in, size);
          ds64DataSize = LittleEndianInput.u64(body, 8);
        }
        case "data" -> {
          if (format == null) {
            throw new AudioFormatException(source, "malformed WAV: data chunk before fmt chunk");
          }
          long declared = rf64 && size == STREAMED && ds64DataSize >= 0 ? ds64DataSize : size;
          boolean streamed = declared == 0 || declared == STREAMED;
          if (!streamed && declared > remaining) {
            throw new AudioFormatException(source, "truncated WAV: data chunk declares " + declared
                + " bytes but only " + remaining + " bytes follow");
          }
          return samples(in, streamed ? remaining : declared, streamed, format, source, limits);
        }
        default -> {
          long skip = size + (size & 1);
          if (in.skip(skip) < size) {
            throw new AudioFormatException(source, "truncated WAV: chunk '" + AudioReader.ascii(
                header, 0, 4) + "' declares " + size + " bytes but only " + remaining + " remain");
          }
        }
      }
    }
  }

  private static void skipPad(LittleEndianInput in, long size) throws IOException {
    if ((size & 1) == 1) {
      in.skip(1);
    }
  }

  private static AudioClip samples(LittleEndianInput in, long bytes, boolean streamed,
      WavFormat f, String source, AudioLimits limits) throws IOException {
    int block = f.blockAlign();
    long frames = bytes / block;
    limits.checkFrames(frames, f.sampleRate(), source, "WAV data chunk holds");
    float[] out = new float[(int) frames];
    int framesPerRead = Math.max(1, (1 << 16) / block);
    byte[] buf = new byte[framesPerRead * block];
    int done = 0;
    while (done < frames) {
      int want = (int) Math.min(framesPerRead, frames - done);
      int got = in.readUpTo(buf, 0, want * block) / block;
      decodeFrames(buf, got, f, out, done, source);
      done += got;
      if (got < want) {
        if (!streamed) {
          throw new AudioFormatException(source, "truncated WAV: data ends after " + done
              + " of " + frames + " frames");
        }
        break;
      }
    }
    float[] samples = done == out.length ? out : java.util.Arrays.copyOf(out, done);
    return new AudioClip(samples, f.sampleRate(), source);
  }

  private static void decodeFrames(byte[] b, int frames, WavFormat f, float[] out, int at,
      String source) throws AudioFormatException {
    int ch = f.channels();
    int bps = f.bytesPerSample();
    int p = 0;
    for (int i = 0; i < frames; i++) {
      double sum = 0;
      for (int c = 0; c < ch; c++, p += bps) {
        double v = sample(b, p, bps, f.isFloat());
        if (!Double.isFinite(v)) {
          // silence (NaN as 0) or full scale (±Inf clipped) would be scored as if it were audio
          throw new AudioFormatException(source, "float WAV sample " + (at + i)
              + (ch > 1 ? " (channel " + c + ")" : "") + " is " + (Double.isNaN(v) ? "NaN"
                  : v > 0 ? "+Infinity" : "-Infinity") + "; NaN and infinite samples are not"
              + " audio");
        }
        sum += f.isFloat() ? Math.max(-1, Math.min(1, v)) : v;
      }
      out[at + i] = (float) (sum / ch);
    }
  }

  /**
   * One sample: integer PCM scaled by 2^(bits-1), so full scale maps to ±1; a float as stored
   * (clipped to [-1, 1] by the caller once it is known to be finite).
   */
  private static double sample(byte[] b, int p, int bps, boolean isFloat) {
    if (isFloat) {
      return bps == 4
          ? Float.intBitsToFloat((int) LittleEndianInput.u32(b, p))
          : Double.longBitsToDouble(LittleEndianInput.u64(b, p));
    }
    return switch (bps) {
      case 1 -> ((b[p] & 0xFF) - 128) / 128.0; // 8-bit WAV is unsigned
      case 2 -> (short) LittleEndianInput.u16(b, p) / 32768.0;
      case 3 -> ((b[p] & 0xFF) | (b[p + 1] & 0xFF) << 8 | b[p + 2] << 16) / 8388608.0;
      default -> (int) LittleEndianInput.u32(b, p) / 2147483648.0;
    };
  }
}
