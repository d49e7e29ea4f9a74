package org.emoaudionet.api;

import java.util.ArrayList;
import java.util.List;

/**
 * Airflow's {@code *_pattern} filters: SQL {@code ILIKE '%pattern%'}, with {@code %} any run of
 * characters, {@code _} exactly one, a backslash taking the next character literally (the
 * PostgreSQL default escape) and {@code |} separating alternatives.
 *
 * <p>No regular expressions: a pattern such as {@code %%%%%%%%%!} or {@code %a%a%a%a%b} made the
 * backtracking {@code .*} translation take exponential time on a 250-character id. Here each
 * alternative is split on {@code %} into pieces that are found one after the other, each at its
 * leftmost place after the previous one. Because the whole pattern is wrapped in {@code %...%}
 * the leftmost place is always the best one (a later one only leaves less room for the rest), so
 * nothing is ever retried: O(text length x pattern length) at worst per alternative.
 */
final class LikePattern {
  /** A literal code point, or {@link #ANY_ONE} for {@code _}. */
  private static final int ANY_ONE = -1;

  /** Per alternative, its pieces between {@code %}s (empty pieces dropped). */
  private final List<List<int[]>> alternatives;

  private LikePattern(List<List<int[]>> alternatives) {
    this.alternatives = alternatives;
  }

  static LikePattern compile(String pattern) {
    return compile(pattern, true);
  }

  /** {@code alternatives} false: {@code |} is an ordinary character (Airflow's partition_key). */
  static LikePattern compile(String pattern, boolean alternatives) {
    List<List<int[]>> alts = new ArrayList<>();
    for (String alt : alternatives ? pattern.split("\\|", -1) : new String[] {pattern}) {
      alts.add(pieces(alt));
    }
    return new LikePattern(alts);
  }

  /** Whether {@code text} contains a match of the pattern (case-insensitively). */
  boolean matches(String text) {
    int[] t = text.codePoints().map(LikePattern::fold).toArray();
    for (List<int[]> pieces : alternatives) {
      if (matchesAll(pieces, t)) return true;
    }
    return false;
  }

  private static boolean matchesAll(List<int[]> pieces, int[] text) {
    int from = 0;
    for (int[] piece : pieces) {
      int at = indexOf(text, piece, from);
      if (at < 0) return false;
      from = at + piece.length;
    }
    return true;
  }

  /** The leftmost position at or after {@code from} where {@code piece} matches, or -1. */
  private static int indexOf(int[] text, int[] piece, int from) {
    for (int start = from; start + piece.length <= text.length; start++) {
      int i = 0;
      while (i < piece.length && (piece[i] == ANY_ONE || piece[i] == text[start + i])) i++;
      if (i == piece.length) return start;
    }
    return -1;
  }

  private static List<int[]> pieces(String alt) {
    List<int[]> out = new ArrayList<>();
    List<Integer> piece = new ArrayList<>();
    int[] cps = alt.codePoints().toArray();
    for (int i = 0; i < cps.length; i++) {
      int c = cps[i];
      if (c == '\\' && i + 1 < cps.length) {
        piece.add(fold(cps[++i]));
      } else if (c == '%') {
        flush(piece, out);
      } else if (c == '_') {
        piece.add(ANY_ONE);
      } else {
        piece.add(fold(c));
      }
    }
    flush(piece, out);
    return out;
  }

  private static void flush(List<Integer> piece, List<int[]> out) {
    if (!piece.isEmpty()) out.add(piece.stream().mapToInt(Integer::intValue).toArray());
    piece.clear();
  }

  /** Case folding as ILIKE compares: both cases to one (also for letters like the Turkish I). */
  private static int fold(int c) {
    return Character.toLowerCase(Character.toUpperCase(c));
  }
}
