package org.emoaudionet.spec;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Typed reads of a parsed document held as plain Java values (what Jackson gives for YAML or
 * JSON: maps, lists, strings, numbers, booleans, null): the one place the platform checks that a
 * field is a string, a boolean, an integer, a mapping or a list of strings. What is wrong goes
 * to a sink as a {@link FieldProblem}; the sink decides whether to throw at once (a DAG file) or
 * to collect every problem and answer them together (a run's conf, an Airflow request body). A
 * read that found a problem returns null, so callers go on reading the other fields.
 */
public final class FieldReader {
  /** How a field may be absent or null. */
  public enum Need {
    /** Absent and null both mean "not given". */
    OPTIONAL,
    /** May be left out, but not sent as null (pydantic's {@code x: bool = default}). */
    NOT_NULL,
    /** Must be there; null counts as missing. */
    REQUIRED,
    /** Must be there and not null; null is reported as {@link FieldProblem.Kind#NULL}. */
    REQUIRED_NOT_NULL
  }

  private static final Pattern DIGITS = Pattern.compile("[+-]?\\d{1,18}");

  private final Map<String, ?> values;
  private final String path;
  private final Consumer<FieldProblem> sink;

  /** Reads {@code values}, reporting to {@code sink}; fields are named from the top. */
  public FieldReader(Map<String, ?> values, Consumer<FieldProblem> sink) {
    this(values, "", sink);
  }

  private FieldReader(Map<String, ?> values, String path, Consumer<FieldProblem> sink) {
    this.values = values;
    this.path = path;
    this.sink = sink;
  }

  /** The values this reader reads. */
  public Map<String, ?> values() {
    return values;
  }

  /** {@code key} with this reader's path in front: how problems name it. */
  public String field(String key) {
    return path + key;
  }

  public boolean has(String key) {
    return values.containsKey(key);
  }

  /** Reports every key not in {@code allowed}, in the document's order. */
  public void refuseUnknownKeys(Set<String> allowed) {
    for (Map.Entry<String, ?> e : values.entrySet()) {
      if (!allowed.contains(e.getKey())) {
        report(e.getKey(), FieldProblem.Expected.ANY, FieldProblem.Kind.UNKNOWN_KEY, e.getValue());
      }
    }
  }

  /** Reports {@code key} missing when it is absent (null or not, the value is not read). */
  public void require(String key) {
    if (!has(key)) report(key, FieldProblem.Expected.ANY, FieldProblem.Kind.MISSING, null);
  }

  /** A string, blank allowed. */
  public String string(String key, Need need) {
    Object v = present(key, FieldProblem.Expected.STRING, need);
    if (v == null) return null;
    if (!(v instanceof String s)) return wrong(key, FieldProblem.Expected.STRING, v);
    return s;
  }

  /** A string with text in it: one of only white space is {@link FieldProblem.Kind#BLANK}. */
  public String text(String key, Need need) {
    String s = string(key, need);
    if (s != null && s.isBlank()) {
      report(key, FieldProblem.Expected.STRING, FieldProblem.Kind.BLANK, s);
      return null;
    }
    return s;
  }

  /** A string of at most {@code maxChars} characters (pydantic's {@code max_length}). */
  public String string(String key, Need need, int maxChars) {
    String s = string(key, need);
    if (s != null && s.length() > maxChars) {
      sink.accept(new FieldProblem(field(key), FieldProblem.Expected.STRING,
          FieldProblem.Kind.TOO_LONG, s, 0, maxChars));
      return null;
    }
    return s;
  }

  public Boolean bool(String key, Need need) {
    Object v = present(key, FieldProblem.Expected.BOOLEAN, need);
    if (v == null) return null;
    if (!(v instanceof Boolean b)) return wrong(key, FieldProblem.Expected.BOOLEAN, v);
    return b;
  }

  /**
   * An integer in {@code min..max}. A JSON or YAML integer always; with {@code digitStrings} a
   * string of digits too (pydantic's lax mode). A fraction or a number too big for a long is
   * {@link FieldProblem.Kind#WRONG_TYPE}.
   */
  public Long integer(String key, Need need, long min, long max, boolean digitStrings) {
    Object v = present(key, FieldProblem.Expected.INTEGER, need);
    if (v == null) return null;
    Long n = null;
    if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
      n = ((Number) v).longValue();
    } else if (v instanceof BigInteger b && b.bitLength() < 64) {
      n = b.longValue();
    } else if (digitStrings && v instanceof String s && DIGITS.matcher(s.strip()).matches()) {
      n = Long.parseLong(s.strip());
    }
    if (n == null) return wrong(key, FieldProblem.Expected.INTEGER, v);
    if (n < min || n > max) {
      sink.accept(new FieldProblem(field(key), FieldProblem.Expected.INTEGER,
          FieldProblem.Kind.OUT_OF_RANGE, v, min, max));
      return null;
    }
    return n;
  }

  /** A mapping, its keys as strings. */
  public Map<String, Object> object(String key, Need need) {
    Object v = present(key, FieldProblem.Expected.OBJECT, need);
    if (v == null) return null;
    if (!(v instanceof Map<?, ?> m)) return wrong(key, FieldProblem.Expected.OBJECT, v);
    Map<String, Object> out = new LinkedHashMap<>();
    m.forEach((k, x) -> out.put(String.valueOf(k), x));
    return out;
  }

  /**
   * A mapping of strings to strings; each value that is not a string is reported as its own
   * field ({@code key.sub}) and left out.
   */
  public Map<String, String> stringMap(String key, Need need) {
    Map<String, Object> m = object(key, need);
    if (m == null) return null;
    Map<String, String> out = new LinkedHashMap<>();
    m.forEach((k, x) -> {
      if (x instanceof String s) {
        out.put(k, s);
      } else {
        report(key + "." + k, FieldProblem.Expected.STRING, FieldProblem.Kind.WRONG_TYPE, x);
      }
    });
    return out;
  }

  /** A list of strings; one element that is not a string reports the element. */
  public List<String> stringList(String key, Need need) {
    Object v = present(key, FieldProblem.Expected.STRING_LIST, need);
    if (v == null) return null;
    if (!(v instanceof List<?> l)) return wrong(key, FieldProblem.Expected.STRING_LIST, v);
    List<String> out = new ArrayList<>();
    for (Object e : l) {
      if (!(e instanceof String s)) return wrong(key, FieldProblem.Expected.STRING_LIST, e);
      out.add(s);
    }
    return List.copyOf(out);
  }

  /**
   * A reader of the mapping at {@code key}, naming its fields {@code key.x}, with every key
   * outside {@code allowed} reported; null when the field is absent, null or not a mapping.
   */
  public FieldReader nested(String key, Set<String> allowed) {
    Map<String, Object> m = object(key, Need.OPTIONAL);
    if (m == null) return null;
    FieldReader r = new FieldReader(m, field(key) + ".", sink);
    r.refuseUnknownKeys(allowed);
    return r;
  }

  /** The value at {@code key}; null for absent and for null, after the {@code need} check. */
  private Object present(String key, FieldProblem.Expected expected, Need need) {
    boolean there = values.containsKey(key);
    Object v = values.get(key);
    if (v != null) return v;
    switch (need) {
      case REQUIRED -> report(key, expected, FieldProblem.Kind.MISSING, null);
      case REQUIRED_NOT_NULL -> report(key, expected,
          there ? FieldProblem.Kind.NULL : FieldProblem.Kind.MISSING, null);
      case NOT_NULL -> {
        if (there) report(key, expected, FieldProblem.Kind.NULL, null);
      }
      case OPTIONAL -> { }
    }
    return null;
  }

  private <T> T wrong(String key, FieldProblem.Expected expected, Object v) {
    report(key, expected, FieldProblem.Kind.WRONG_TYPE, v);
    return null;
  }

  private void report(String key, FieldProblem.Expected expected, FieldProblem.Kind kind,
      Object input) {
    sink.accept(FieldProblem.of(field(key), expected, kind, input));
  }
}
