package org.emoaudionet.data;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Duration of a FLAC file from its STREAMINFO block, without decoding any audio. */
final class FlacHeader {
  private FlacHeader() {}

  static double durationSeconds(Path flac) throws IOException {
    try (InputStream raw = Files.newInputStream(flac);
        DataInputStream in = new DataInputStream(raw)) {
      byte[] magic = new byte[4];
      in.readFully(magic);
      if (magic[0] != 'f' || magic[1] != 'L' || magic[2] != 'a' || magic[3] != 'C') {
        throw new DataFormatException(flac, "not a FLAC file (no fLaC marker)");
      }
      int type = in.readUnsignedByte() & 0x7f;
      in.skipBytes(3);
      if (type != 0) throw new DataFormatException(flac, "first FLAC metadata block is not STREAMINFO");
      byte[] si = new byte[34];
      in.readFully(si);
      // Bytes 10..17: 20 bits sample rate, 3 channels, 5 bits per sample, 36 total samples.
      long bits = 0;
      for (int i = 10; i < 18; i++) bits = (bits << 8) | (si[i] & 0xff);
      long sampleRate = bits >>> 44;
      long totalSamples = bits & 0xFFFFFFFFFL;
      if (sampleRate == 0) throw new DataFormatException(flac, "FLAC STREAMINFO sample rate is 0");
      if (totalSamples == 0) {
        throw new DataFormatException(flac, "FLAC STREAMINFO does not give the number of samples");
      }
      return (double) totalSamples / sampleRate;
    } catch (java.io.EOFException e) {
      throw new DataFormatException(flac, "truncated FLAC header");
    }
  }
}
