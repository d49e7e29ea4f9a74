package org.emoaudionet.audio;

import java.util.Arrays;

/**
 * The decodable part of a WAV {@code fmt } chunk: channel count, rate, sample container size and
 * whether samples are IEEE floats.
 */
record WavFormat(int channels, int sampleRate, int bytesPerSample, boolean isFloat) {
  static final int PCM = 0x0001;
  static final int IEEE_FLOAT = 0x0003;
  static final int EXTENSIBLE = 0xFFFE;
  /** KSDATAFORMAT_SUBTYPE_* GUID after its first two bytes (the format tag). */
  private static final byte[] GUID_TAIL = {
    0x00, 0x00, 0x00, 0x00, 0x10, 0x00, (byte) 0x80, 0x00, 0x00, (byte) 0xAA, 0x00, 0x38,
    (byte) 0x9B, 0x71
  };

  int blockAlign() {
    return channels * bytesPerSample;
  }

  /** Parses the body of a {@code fmt } chunk, rejecting anything this reader cannot decode. */
  static WavFormat parse(byte[] f, String source) throws AudioFormatException {
    if (f.length < 16) {
      throw new AudioFormatException(source, "fmt chunk too short (" + f.length + " bytes)");
    }
    int tag = LittleEndianInput.u16(f, 0);
    int channels = LittleEndianInput.u16(f, 2);
    long rate = LittleEndianInput.u32(f, 4);
    int blockAlign = LittleEndianInput.u16(f, 12);
    int bits = LittleEndianInput.u16(f, 14);
    if (tag == EXTENSIBLE) {
      if (f.length < 40) {
        throw new AudioFormatException(source,
            "WAVE_FORMAT_EXTENSIBLE fmt chunk too short (" + f.length + " bytes, need 40)");
      }
      if (!Arrays.equals(f, 26, 40, GUID_TAIL, 0, GUID_TAIL.length)) {
        throw new AudioFormatException(source,
            "unsupported WAVE_FORMAT_EXTENSIBLE sub-format (not a KSDATAFORMAT GUID)");
      }
      tag = LittleEndianInput.u16(f, 24);
    }
    if (tag != PCM && tag != IEEE_FLOAT) {
      throw new AudioFormatException(source, "unsupported WAV codec " + codecName(tag)
          + " (only PCM and IEEE float are decoded; convert it to PCM first)");
    }
    if (channels == 0) {
      throw new AudioFormatException(source, "WAV header declares zero channels");
    }
    AudioLimits.checkRate(rate, source, "WAV header");
    int bytes = (bits + 7) / 8;
    if (blockAlign != 0 && blockAlign % channels == 0 && blockAlign / channels >= bytes) {
      bytes = blockAlign / channels; // valid bits may sit in a wider container
    } else if (blockAlign != 0 && blockAlign != channels * bytes) {
      throw new AudioFormatException(source, "inconsistent WAV header: block align " + blockAlign
          + " for " + channels + " channels of " + bits + " bits");
    }
    boolean isFloat = tag == IEEE_FLOAT;
    if (isFloat ? bytes != 4 && bytes != 8 : bits == 0 || bytes > 4) {
      throw new AudioFormatException(source, "unsupported WAV sample size: " + bits + " bits in " + bytes + "-byte containers "
          + (isFloat ? "float (expected 32 or 64)" : "PCM (expected 8, 16, 24 or 32)"));
    }
    return new WavFormat(channels, (int) rate, bytes, isFloat);
  }

  static String codecName(int tag) {
    String name = switch (tag) {
      case 0x0002 -> "Microsoft ADPCM";
      case 0x0006 -> "A-law";
      case 0x0007 -> "mu-law";
      case 0x0011 -> "IMA ADPCM";
      case 0x0031 -> "GSM 6.10";
      case 0x0050 -> "MPEG";
      case 0x0055 -> "MP3";
      case 0x0161, 0x0162, 0x0163 -> "WMA";
      case 0x2000 -> "AC-3";
      default -> "unknown";
    };
    return name + String.format(" (format tag 0x%04X)", tag);
  }
}
