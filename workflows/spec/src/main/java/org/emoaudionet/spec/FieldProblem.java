package org.emoaudionet.spec;

/**
 * One thing wrong with one field of a document (a DAG file, a run's {@code conf}, a request
 * body), as {@link FieldReader} finds it. It carries no words: each reader of documents says it
 * in its own dialect (a DAG file's "field 'x': must be a string", pydantic's "Input should be a
 * valid string"), so that the checks are written once and the messages stay where users know them.
 *
 * @param field the field's path, dotted below the document's top ({@code data_trigger.prefix})
 * @param expected what the field should have held
 * @param kind how it fell short
 * @param input the value found (null when missing)
 * @param min for {@link Kind#OUT_OF_RANGE} the lowest allowed value, for {@link Kind#TOO_LONG}
 *     unused
 * @param max for {@link Kind#OUT_OF_RANGE} the highest allowed value, for {@link Kind#TOO_LONG}
 *     the most characters
 */
public record FieldProblem(String field, Expected expected, Kind kind, Object input, long min,
    long max) {

  /** The type a field should hold. */
  public enum Expected { STRING, BOOLEAN, INTEGER, OBJECT, STRING_LIST, ANY }

  public enum Kind {
    /** Required and absent. */
    MISSING,
    /** Present as null where null is not allowed. */
    NULL,
    /** Not of the {@link Expected} type. */
    WRONG_TYPE,
    /** A string of only white space where text is required. */
    BLANK,
    /** A string longer than {@link FieldProblem#max()} characters. */
    TOO_LONG,
    /** An integer outside {@link FieldProblem#min()}..{@link FieldProblem#max()}. */
    OUT_OF_RANGE,
    /** A key the document does not define. */
    UNKNOWN_KEY
  }

  static FieldProblem of(String field, Expected expected, Kind kind, Object input) {
    return new FieldProblem(field, expected, kind, input, 0, 0);
  }
}
