package org.emoaudionet.audio;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Decodes WAV (RIFF/RF64: PCM 8/16/24/32-bit, IEEE float 32/64, WAVE_FORMAT_EXTENSIBLE) and FLAC
 * into a mono {@link AudioClip} at the file's own sample rate; channels are downmixed by their
 * mean.
 *
 * <p>The format is recognised from the first bytes, never the extension. Files are read with
 * {@link Files#newInputStream} only, so paths inside a zip {@link java.nio.file.FileSystem} work.
 * Every declared size is checked against the real file size before anything is allocated, so a
 * hostile header can neither exhaust memory nor loop, and a declared sample rate or length outside
 * {@link AudioLimits} is refused before decoding; all decoding problems surface as an {@link
 * AudioFormatException} naming the file and the reason.
 */
public final class AudioReader {
  /** Longest decodable clip, in sample frames (about 1.7 h at 44.1 kHz, 1 GiB of floats). */
  static final long MAX_FRAMES = 1L << 28;

  private AudioReader() {}

  /** Reads with the {@link AudioLimits#training() training limits}. */
  public static AudioClip read(Path file) throws IOException {
    return read(file, AudioLimits.training());
  }

  /**
   * Reads {@code file}, refusing before any allocation a header whose sample rate is outside
   * {@link AudioLimits#MIN_RATE}..{@link AudioLimits#MAX_RATE} or whose audio is longer than
   * {@code limits} allow, and any NaN or infinite float sample.
   */
  public static AudioClip read(Path file, AudioLimits limits) throws IOException {
    String source = describe(file);
    long size;
    try {
      size = Files.size(file);
    } catch (NoSuchFileException e) {
      throw new AudioFormatException(source, "file does not exist", e);
    }
    if (size == 0) {
      throw new AudioFormatException(source, "empty file (0 bytes)");
    }
    try (InputStream raw = Files.newInputStream(file);
        BufferedInputStream in = new BufferedInputStream(raw, 1 << 16)) {
      in.mark(16);
      byte[] head = new byte[12];
      int n = in.readNBytes(head, 0, head.length);
      in.reset();
      String magic = ascii(head, 0, Math.min(4, n));
      try {
        if (n >= 12 && (magic.equals("RIFF") || magic.equals("RF64"))
            && ascii(head, 8, 4).equals("WAVE")) {
          return WavDecoder.decode(in, size, source, limits);
        }
        if (magic.equals("fLaC") || magic.startsWith("ID3")) {
          return FlacDecoder.decode(in, size, source, limits);
        }
      } catch (AudioFormatException e) {
        throw e;
      } catch (RuntimeException e) {
        // decoders index arrays by header values; any slip there is corrupt input, not a bug
        throw new AudioFormatException(source, "corrupt audio data (" + e + ")", e);
      }
      if (n < 12 && (magic.equals("RIFF") || magic.equals("RF64"))) {
        throw new AudioFormatException(source, "truncated WAV header (" + n + " bytes)");
      }
      if (magic.equals("RIFF")) {
        throw new AudioFormatException(source,
            "RIFF file is not WAVE (form type '" + ascii(head, 8, 4) + "')");
      }
      throw new AudioFormatException(source, "not a WAV or FLAC file (" + size
          + " bytes, starts with " + hex(head, n) + ")");
    }
  }

  /** The file as a user would find it: zip entries as {@code jar:file:...!/entry}. */
  static String describe(Path file) {
    if (file.getFileSystem() == FileSystems.getDefault()) {
      return file.toString();
    }
    try {
      return file.toUri().toString();
    } catch (RuntimeException e) {
      return file.toString();
    }
  }

  static String ascii(byte[] b, int off, int len) {
    StringBuilder s = new StringBuilder();
    for (int i = off; i < off + len && i < b.length; i++) {
      int c = b[i] & 0xFF;
      s.append(c >= 32 && c < 127 ? (char) c : '?');
    }
    return s.toString();
  }

  private static String hex(byte[] b, int n) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < Math.min(n, 8); i++) {
      s.append(String.format("%02x", b[i] & 0xFF));
    }
    return s.length() == 0 ? "nothing" : "0x" + s;
  }

  static String fourcc(byte[] b, int off) {
    return new String(b, off, 4, StandardCharsets.ISO_8859_1);
  }
}
