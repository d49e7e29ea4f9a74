package org.emoaudionet.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.emoaudionet.spec.FieldProblem.Expected;
import org.emoaudionet.spec.FieldProblem.Kind;
import org.emoaudionet.spec.FieldReader.Need;
import org.junit.jupiter.api.Test;

class FieldReaderTest {
  private final List<FieldProblem> problems = new ArrayList<>();

  private FieldReader reader(Map<String, Object> values) {
    return new FieldReader(values, problems::add);
  }

  private FieldProblem only() {
    assertEquals(1, problems.size(), problems.toString());
    return problems.get(0);
  }

  @Test
  void absentNullAndPresentAreToldApartByNeed() {
    Map<String, Object> m = new HashMap<>();
    m.put("n", null);
    FieldReader r = reader(m);
    assertNull(r.string("n", Need.OPTIONAL));
    assertNull(r.string("gone", Need.NOT_NULL));
    assertTrue(problems.isEmpty(), "optional absent and null, and absent NOT_NULL, are fine");
    r.string("n", Need.NOT_NULL);
    assertEquals(Kind.NULL, only().kind());
    problems.clear();
    r.string("n", Need.REQUIRED);
    assertEquals(Kind.MISSING, only().kind(), "REQUIRED takes null as missing");
    problems.clear();
    r.string("n", Need.REQUIRED_NOT_NULL);
    assertEquals(Kind.NULL, only().kind());
    problems.clear();
    r.string("gone", Need.REQUIRED_NOT_NULL);
    assertEquals(Kind.MISSING, only().kind());
  }

  @Test
  void wrongTypesAreReportedWithTheValueFoundAndReadAsNull() {
    FieldReader r = reader(Map.of("s", 5, "b", "yes", "o", List.of(1), "l", List.of("a", 2)));
    assertNull(r.string("s", Need.OPTIONAL));
    assertNull(r.bool("b", Need.OPTIONAL));
    assertNull(r.object("o", Need.OPTIONAL));
    assertNull(r.stringList("l", Need.OPTIONAL));
    assertEquals(List.of(Expected.STRING, Expected.BOOLEAN, Expected.OBJECT, Expected.STRING_LIST),
        problems.stream().map(FieldProblem::expected).toList());
    assertTrue(problems.stream().allMatch(p -> p.kind() == Kind.WRONG_TYPE));
    assertEquals(5, problems.get(0).input());
    assertEquals(2, problems.get(3).input(), "the element that is not a string is named");
  }

  @Test
  void integersHonourRangeFractionsAndDigitStrings() {
    FieldReader r = reader(Map.of("i", 7, "big", new BigInteger("123456789012345678901234"),
        "f", 1.5, "d", " 42 ", "far", 200_000));
    assertEquals(7L, r.integer("i", Need.OPTIONAL, 1, 10, false));
    assertNull(r.integer("d", Need.OPTIONAL, 0, 100, false), "digits need lax mode");
    assertEquals(42L, r.integer("d", Need.OPTIONAL, 0, 100, true));
    assertNull(r.integer("big", Need.OPTIONAL, Long.MIN_VALUE, Long.MAX_VALUE, false));
    assertNull(r.integer("f", Need.OPTIONAL, Long.MIN_VALUE, Long.MAX_VALUE, false));
    assertNull(r.integer("far", Need.OPTIONAL, 1, 100_000, false));
    assertEquals(List.of(Kind.WRONG_TYPE, Kind.WRONG_TYPE, Kind.WRONG_TYPE, Kind.OUT_OF_RANGE),
        problems.stream().map(FieldProblem::kind).toList());
    FieldProblem range = problems.get(3);
    assertEquals(1, range.min());
    assertEquals(100_000, range.max());
  }

  @Test
  void textRefusesBlankAndMaxCharsCounts() {
    FieldReader r = reader(Map.of("blank", "  ", "long", "abcdef"));
    assertEquals("  ", r.string("blank", Need.OPTIONAL), "string() allows blank");
    assertNull(r.text("blank", Need.OPTIONAL));
    assertEquals("abcdef", r.string("long", Need.OPTIONAL, 6));
    assertNull(r.string("long", Need.OPTIONAL, 5));
    assertEquals(List.of(Kind.BLANK, Kind.TOO_LONG),
        problems.stream().map(FieldProblem::kind).toList());
    assertEquals(5, problems.get(1).max());
  }

  @Test
  void nestedReadersNameFieldsFromTheTopAndRefuseUnknownKeys() {
    Map<String, Object> inner = new LinkedHashMap<>();
    inner.put("prefix", 3);
    inner.put("why", "x");
    FieldReader r = reader(Map.of("trigger", inner));
    FieldReader t = r.nested("trigger", Set.of("prefix"));
    assertEquals("trigger.why", only().field());
    assertEquals(Kind.UNKNOWN_KEY, only().kind());
    problems.clear();
    t.string("prefix", Need.REQUIRED);
    assertEquals("trigger.prefix", only().field());
    assertNull(r.nested("absent", Set.of()), "an absent mapping has no reader");
  }

  @Test
  void stringMapReportsEachValueAsItsOwnField() {
    Map<String, Object> extra = new LinkedHashMap<>();
    extra.put("manifest", "m.csv");
    extra.put("n", 3);
    Map<String, String> m = reader(Map.of("extra", extra)).stringMap("extra", Need.OPTIONAL);
    assertEquals(Map.of("manifest", "m.csv"), m);
    assertEquals("extra.n", only().field());
    assertEquals(Expected.STRING, only().expected());
  }
}
