package org.emoaudionet.spec;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The paper's three networks: the two baselines alone (Tables III, IV) and their fusion. */
public enum Architecture {
  EMOAUDIONET, MFCC, SPECTROGRAM;

  /** What a run trains unless it says otherwise: the paper's fused network. */
  public static final Architecture DEFAULT = EMOAUDIONET;

  public static List<String> wireNames() {
    return Arrays.stream(values()).map(Architecture::wireName).toList();
  }

  /** @throws IllegalArgumentException an unknown architecture, naming the known ones */
  public static Architecture parse(String s) {
    String n = s == null ? "" : s.trim().toLowerCase(Locale.ROOT);
    for (Architecture a : values()) if (a.wireName().equals(n)) return a;
    throw new IllegalArgumentException("unknown architecture '" + s + "' (expected emoaudionet, mfcc or spectrogram)");
  }

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
