package org.emoaudionet.data;

import java.util.Locale;

public enum Split {
  TRAIN, VAL, TEST;

  public static Split parse(String s) {
    return switch (s.trim().toLowerCase(Locale.ROOT)) {
      case "train" -> TRAIN;
      case "val", "valid", "validation", "dev" -> VAL;
      case "test" -> TEST;
      default -> throw new IllegalArgumentException(
          "unknown split '" + s + "' (expected train, val or test)");
    };
  }

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
