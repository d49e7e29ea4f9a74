package org.emoaudionet.spec;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** How a corpus is divided into train, validation and test. */
public enum SplitProtocol {
  /**
   * Speakers never cross splits (a manifest's own {@code split} column wins where it has one):
   * the figure that says how the model does on people it never heard.
   */
  SPEAKER("speaker"),
  /**
   * The paper's: segments shuffled across speakers, so the same voices sit in train and test.
   * Kept to reproduce its tables; it overstates accuracy on new speakers.
   */
  PAPER("paper");

  /** What a run uses unless it says otherwise: the honest figure. */
  public static final SplitProtocol DEFAULT = SPEAKER;

  private final String wireName;

  SplitProtocol(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  public static List<String> wireNames() {
    return Arrays.stream(values()).map(SplitProtocol::wireName).toList();
  }

  /** @throws IllegalArgumentException an unknown protocol, naming the known ones */
  public static SplitProtocol parse(String name) {
    String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
    for (SplitProtocol p : values()) if (p.wireName.equals(n)) return p;
    throw new IllegalArgumentException("unknown split protocol '" + name + "' (expected one of "
        + wireNames() + ")");
  }
}
