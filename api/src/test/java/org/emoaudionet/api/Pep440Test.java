package org.emoaudionet.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class Pep440Test {
  /** PEP 440's canonical public version, plus an optional local label (Appendix B). */
  static final Pattern CANONICAL = Pattern.compile(
      "^([1-9][0-9]*!)?(0|[1-9][0-9]*)(\\.(0|[1-9][0-9]*))*((a|b|rc)(0|[1-9][0-9]*))?"
          + "(\\.post(0|[1-9][0-9]*))?(\\.dev(0|[1-9][0-9]*))?(\\+[a-z0-9]+(\\.[a-z0-9]+)*)?$");

  @Test
  void mavenVersionsBecomeVersionsPythonsPackagingAccepts() {
    assertEquals("0.1.0.dev0", Pep440.of("0.1.0-SNAPSHOT"));
    assertEquals("1.2.3", Pep440.of("1.2.3"));
    assertEquals("1.2.0rc1", Pep440.of("1.2.0-rc1"));
    assertEquals("2.0b0", Pep440.of("2.0-beta"));
    assertEquals("1.0+jdk17.build", Pep440.of("1.0-jdk17_build"));
    for (String v : List.of("0.1.0-SNAPSHOT", "1.2.3", "1.2.0-RC1", "3.0-alpha-2", "1.0-weird--x",
        "garbage", "")) {
      assertTrue(CANONICAL.matcher(Pep440.of(v)).matches(), v + " -> " + Pep440.of(v));
    }
  }
}
