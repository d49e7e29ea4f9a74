package org.emoaudionet.model;

import java.util.Locale;

/** The paper's three networks: the two baselines alone (Tables III, IV) and their fusion. */
public enum Architecture {
  EMOAUDIONET, MFCC, SPECTROGRAM;

  public static Architecture parse(String s) {
    return switch (s.toLowerCase(Locale.ROOT)) {
      case "emoaudionet" -> EMOAUDIONET;
      case "mfcc" -> MFCC;
      case "spectrogram" -> SPECTROGRAM;
      default -> throw new IllegalArgumentException(
          "unknown architecture '" + s + "' (expected emoaudionet, mfcc or spectrogram)");
    };
  }

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
