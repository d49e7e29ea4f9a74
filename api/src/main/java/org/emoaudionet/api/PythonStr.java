package org.emoaudionet.api;

import java.math.BigDecimal;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Python's {@code str()} of a JSON value, which is what Airflow's XComResponseString answers
 * ({@code stringify=true}): {@code {'metric': 0.5, 'champion': True, 'previous': None}}.
 */
final class PythonStr {
  private PythonStr() {}

  /** {@code str(value)}: a top-level string is itself, anything else its repr; null stays null. */
  static String of(Object value) {
    if (value == null) return null;
    if (value instanceof String s) return s;
    StringBuilder sb = new StringBuilder();
    repr(value, sb);
    return sb.toString();
  }

  private static void repr(Object v, StringBuilder sb) {
    if (v == null) {
      sb.append("None");
    } else if (v instanceof Boolean b) {
      sb.append(b ? "True" : "False");
    } else if (v instanceof String s) {
      string(s, sb);
    } else if (v instanceof Double || v instanceof Float) {
      sb.append(floatRepr(((Number) v).doubleValue()));
    } else if (v instanceof Number n) {
      sb.append(n);
    } else if (v instanceof Map<?, ?> m) {
      sb.append('{');
      Iterator<? extends Map.Entry<?, ?>> it = m.entrySet().iterator();
      while (it.hasNext()) {
        Map.Entry<?, ?> e = it.next();
        repr(e.getKey(), sb);
        sb.append(": ");
        repr(e.getValue(), sb);
        if (it.hasNext()) sb.append(", ");
      }
      sb.append('}');
    } else if (v instanceof List<?> l) {
      sb.append('[');
      for (int i = 0; i < l.size(); i++) {
        if (i > 0) sb.append(", ");
        repr(l.get(i), sb);
      }
      sb.append(']');
    } else {
      string(String.valueOf(v), sb);
    }
  }

  /** Python's quoting: single quotes unless the text has one and no double quote. */
  private static void string(String s, StringBuilder sb) {
    char q = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
    sb.append(q);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c == q) sb.append('\\');
          if (c < 0x20 || c == 0x7f) sb.append(String.format("\\x%02x", (int) c));
          else sb.append(c);
        }
      }
    }
    sb.append(q);
  }

  /**
   * Python's float repr: the shortest digits that read back (as Java's), positional from 1e-4
   * up to 1e16, else {@code 1.5e-05} / {@code 1e+16}.
   */
  static String floatRepr(double d) {
    if (Double.isNaN(d)) return "nan";
    if (Double.isInfinite(d)) return d > 0 ? "inf" : "-inf";
    if (d == 0) return (1 / d < 0) ? "-0.0" : "0.0";
    BigDecimal b = new BigDecimal(Double.toString(d)).stripTrailingZeros();
    int exp = b.precision() - b.scale() - 1; // decimal exponent of the first digit
    if (exp >= -4 && exp < 16) {
      String plain = b.toPlainString();
      return plain.contains(".") ? plain : plain + ".0";
    }
    String digits = b.unscaledValue().abs().toString();
    String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
    return (d < 0 ? "-" : "") + mantissa + "e" + (exp < 0 ? "-" : "+")
        + (Math.abs(exp) < 10 ? "0" : "") + Math.abs(exp);
  }
}
